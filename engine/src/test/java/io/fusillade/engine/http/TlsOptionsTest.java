package io.fusillade.engine.http;

import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.Protocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client certificates and TLS versions, over HTTP/2 and HTTP/1.1 on each transport, against servers that demand them. */
@ParameterizedClass(name = "{0}")
@EnumSource(HttpTransport.class)
class TlsOptionsTest {
    @Parameter
    HttpTransport transport;
    @TempDir
    static Path keys;
    private static H2TestServer mutual;
    private static H2TestServer tls12Only;
    private static String[] rsaClient;
    private static String[] ecClient;

    @BeforeAll
    static void startServers() throws Exception {
        mutual = H2TestServer.tls(keys, true, null, "h2", "http/1.1");
        tls12Only = H2TestServer.tls(keys, false, List.of("TLSv1.2"), "h2", "http/1.1");
        rsaClient = TestCertificates.pem(keys, "rsa-client", "RSA");
        ecClient = TestCertificates.pem(keys, "ec-client", "EC");
    }

    @AfterAll
    static void stopServers() {
        mutual.close();
        tls12Only.close();
    }

    private HttpClientEngine engine(TlsSettings tls) {
        return new HttpClientEngine(HttpClientConfig.defaults().withTransport(transport).withInsecureSkipTlsVerify(true)
                .withTls(tls));
    }

    private static ClientCertificate certificate(String[] pem, String... domains) {
        return new ClientCertificate(List.of(domains), PemReader.privateKey(pem[1]), PemReader.certificates(pem[0]));
    }

    @Test
    void aClientCertificateIsPresentedToTheHostItCovers() {
        TlsSettings tls = TlsSettings.DEFAULT.withClientCertificates(List.of(
                certificate(ecClient, "other.example"), certificate(rsaClient, "127.0.0.1")));
        int before = mutual.clientSubjects().size();
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(tls); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(mutual.url("/who"))).withHttpVersion(HttpVersion.HTTP_2), out);
            assertThat(out.status()).as(out.toString()).isEqualTo(200);
            assertThat(out.protocol()).isEqualTo(Protocol.H2);

            session.execute(HttpRequestSpec.get(URI.create(mutual.url("/who"))).withHttpVersion(HttpVersion.HTTP_1_1), out);
            assertThat(out.status()).as(out.toString()).isEqualTo(200);
            assertThat(out.protocol()).isEqualTo(Protocol.H1);
        }
        List<String> seen = mutual.clientSubjects();
        assertThat(seen.subList(before, seen.size())).containsExactly("CN=rsa-client", "CN=rsa-client");
    }

    @Test
    void anEcClientCertificateWorksToo() {
        TlsSettings tls = TlsSettings.DEFAULT.withClientCertificates(List.of(certificate(ecClient, "*.0.0.1")));
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(tls); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(mutual.url("/who"))).withHttpVersion(HttpVersion.HTTP_1_1), out);
            assertThat(out.status()).as(out.toString()).isEqualTo(200);
        }
        assertThat(mutual.clientSubjects()).contains("CN=ec-client");
    }

    @Test
    void withoutACertificateTheServerRefusesTheHandshake() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(TlsSettings.DEFAULT); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(mutual.url("/who"))).withHttpVersion(HttpVersion.HTTP_2), out);
            assertThat(out.status()).isZero();
            // TLS 1.3 reports a missing client certificate after the handshake, as a reset or close.
            assertThat(out.error()).isIn(ErrorCode.ECERT, ErrorCode.ECONNRESET, ErrorCode.ENETWORK, ErrorCode.EPIPE);
        }
    }

    @Test
    void aMinimumVersionTheServerCannotMeetIsATlsError() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(TlsSettings.DEFAULT.withVersions("TLSv1.3", null)); HttpSession session = engine.newSession()) {
            for (HttpVersion version : HttpVersion.values()) {
                session.execute(HttpRequestSpec.get(URI.create(tls12Only.url("/"))).withHttpVersion(version), out);
                assertThat(out.status()).as(version.label()).isZero();
                assertThat(out.error()).as(version.label()).isEqualTo(ErrorCode.ECERT);
                assertThat(out.error().category()).isEqualTo("TLS");
            }
        }
        try (HttpClientEngine engine = engine(TlsSettings.DEFAULT.withVersions("TLSv1.2", "TLSv1.2")); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(tls12Only.url("/"))), out);
            assertThat(out.status()).isEqualTo(200);
        }
    }

    @Test
    void badPemIsAClearError() {
        assertThatThrownBy(() -> PemReader.privateKey("not a key")).hasMessageContaining("no PEM private key");
        assertThatThrownBy(() -> PemReader.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .hasMessageContaining("not a valid PEM certificate");
        assertThatThrownBy(() -> TlsSettings.version("tlsVersion", "tls9")).hasMessageContaining("tlsVersion").hasMessageContaining("tls1.2");
    }
}
