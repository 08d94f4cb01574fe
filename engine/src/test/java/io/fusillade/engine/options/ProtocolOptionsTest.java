package io.fusillade.engine.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.engine.http.HttpVersion;
import io.fusillade.engine.http.TlsSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** httpVersion and the TLS options as scripts, config files and flags give them. */
class ProtocolOptionsTest {
    private static TestOptions resolve(Map<String, Object> script) {
        return new OptionsResolver().resolve(script, OptionsResolver.Overrides.none());
    }

    @Test
    void httpVersionAndItsAliasAndTheFlag() {
        assertThat(resolve(Map.of()).protocol().httpVersion()).isEqualTo(HttpVersion.AUTO);
        assertThat(resolve(Map.of("httpVersion", "2")).protocol().httpVersion()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(resolve(Map.of("http_version", "1.1")).protocol().httpVersion()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(resolve(Map.of("httpVersion", 2)).protocol().httpVersion()).isEqualTo(HttpVersion.HTTP_2);
        TestOptions flagged = new OptionsResolver().resolve(Map.of("httpVersion", "2"), new OptionsResolver.Overrides(
                null, null, null, null, null, null, null, null, HttpVersion.HTTP_1_1));
        assertThat(flagged.protocol().httpVersion()).isEqualTo(HttpVersion.HTTP_1_1);

        assertThatThrownBy(() -> resolve(Map.of("http_version", "3")))
                .isInstanceOf(OptionException.class).hasMessageContaining("'http_version'").hasMessageContaining("'auto', '1.1' or '2'");
        assertThatThrownBy(() -> ProtocolOptions.httpVersion("--http-version", "h3"))
                .isInstanceOf(OptionException.class).hasMessageContaining("--http-version");
    }

    @Test
    void tlsVersionOneOrARange() {
        TlsSettings one = resolve(Map.of("tlsVersion", "tls1.2")).protocol().tls();
        assertThat(one.minVersion()).isEqualTo("TLSv1.2");
        assertThat(one.maxVersion()).isEqualTo("TLSv1.2");
        TlsSettings range = resolve(Map.of("tls_version", Map.of("min", "tls1.2", "max", "tls1.3"))).protocol().tls();
        assertThat(range.minVersion()).isEqualTo("TLSv1.2");
        assertThat(range.maxVersion()).isEqualTo("TLSv1.3");

        assertThatThrownBy(() -> resolve(Map.of("tlsVersion", "tls2.0")))
                .isInstanceOf(OptionException.class).hasMessageContaining("tlsVersion").hasMessageContaining("tls1.3");
        assertThatThrownBy(() -> resolve(Map.of("tlsVersion", Map.of("min", "tls1.3", "max", "tls1.2"))))
                .isInstanceOf(OptionException.class).hasMessageContaining("range is empty");
    }

    @Test
    void cipherSuitesAreChecked() {
        assertThat(resolve(Map.of("tlsCipherSuites", List.of("TLS_AES_128_GCM_SHA256"))).protocol().tls().cipherSuites())
                .containsExactly("TLS_AES_128_GCM_SHA256");
        assertThatThrownBy(() -> resolve(Map.of("tlsCipherSuites", List.of("TLS_MADE_UP"))))
                .isInstanceOf(OptionException.class).hasMessageContaining("tlsCipherSuites").hasMessageContaining("TLS_MADE_UP");
    }

    @Test
    void tlsAuthMistakesNameTheEntry() {
        assertThatThrownBy(() -> resolve(Map.of("tlsAuth", List.of(Map.of("domains", List.of("example.com"),
                "cert", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "key", "nope")))))
                .isInstanceOf(OptionException.class).hasMessageContaining("tlsAuth[0].key").hasMessageContaining("no PEM private key");
        assertThatThrownBy(() -> resolve(Map.of("tlsAuth", List.of(Map.of("cert", "x", "key", "y")))))
                .isInstanceOf(OptionException.class).hasMessageContaining("tlsAuth[0].domains");
        assertThatThrownBy(() -> resolve(Map.of("tlsAuth", "file.pem")))
                .isInstanceOf(OptionException.class).hasMessageContaining("'tlsAuth'");
    }

    @Test
    void aMisspeltKeyGetsAHint() {
        OptionsResolver resolver = new OptionsResolver();
        resolver.resolve(Map.of("httpVersoin", "2"), OptionsResolver.Overrides.none());
        assertThat(String.join("\n", resolver.warnings())).contains("httpVersion");
    }
}
