package io.fusillade.engine.http;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import io.fusillade.ingest.ErrorCode;
import io.fusillade.web.demo.DemoConfig;
import io.fusillade.web.demo.DemoTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS against a local server with a self-signed certificate. */
@ParameterizedClass(name = "{0}")
@EnumSource(HttpTransport.class)
class HttpsTest {
    @Parameter
    HttpTransport transport;
    @TempDir
    static Path keys;
    private static DemoTarget target;

    @BeforeAll
    static void startTarget() throws Exception {
        target = new DemoTarget(DemoConfig.http(0).withTls(TestCertificates.selfSignedServer(keys))).start();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    @BeforeEach
    void resetCounts() {
        target.reset();
    }

    @Test
    void insecureSkipTlsVerifyTalksToASelfSignedServer() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = new HttpClientEngine(
                HttpClientConfig.defaults().withTransport(transport).withInsecureSkipTlsVerify(true));
             HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(target.baseUrl() + "/api/items/3")), out);

            assertThat(out.status()).isEqualTo(200);
            assertThat(new String(out.body(), StandardCharsets.UTF_8)).contains("Doohickey");
            assertThat(out.tlsHandshakingNanos()).isPositive();
            assertThat(out.connectingNanos()).isPositive();
            // Handshake and record overhead are on the wire too.
            assertThat(out.bytesReceived()).isGreaterThan(500);
            assertThat(out.bytesSent()).isGreaterThan(100);

            session.execute(HttpRequestSpec.get(URI.create(target.baseUrl() + "/health")), out);
            assertThat(out.status()).isEqualTo(200);
            assertThat(out.connectionReused()).isTrue();
            assertThat(out.tlsHandshakingNanos()).isZero();
            assertThat(target.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void untrustedCertificateIsEcert() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = new HttpClientEngine(HttpClientConfig.defaults().withTransport(transport));
             HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(target.baseUrl() + "/health")), out);

            assertThat(out.status()).isZero();
            assertThat(out.error()).isEqualTo(ErrorCode.ECERT);
            assertThat(out.error().category()).isEqualTo("TLS");
            assertThat(out.errorMessage()).startsWith("TLS handshake failed: ");
            assertThat(out.tlsHandshakingNanos()).isPositive();
            assertThat(out.sendingNanos()).isZero();
        }
    }
}
