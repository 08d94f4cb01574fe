package io.fusillade.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.testing.LocalTarget;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(HttpTransport.class)
class ClientWarmupTest {
    @Parameter
    HttpTransport transport;
    @RegisterExtension
    static final LocalTarget LOCAL = new LocalTarget();

    @Test
    void warmsUpWithoutTouchingTheTargetAndLeavesTheClientReady() {
        LOCAL.target().reset();
        HttpClientEngine client = LOCAL.http(transport);

        long started = System.nanoTime();
        ClientWarmup.run(client);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        // Well under its own two-second bound: the one-shot responder answered.
        assertThat(tookMillis).isLessThan(1_500);
        assertThat(LOCAL.target().requestCount()).isZero();
        HttpExchange out = new HttpExchange();
        try (HttpSession session = client.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(LOCAL.target().baseUrl() + "/health")), out);
        }
        assertThat(out.status()).isEqualTo(200);
        assertThat(LOCAL.target().requestCount()).isEqualTo(1);
    }
}
