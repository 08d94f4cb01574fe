package io.fusillade.engine.http;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import io.fusillade.engine.testing.LocalTarget;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Phase timings add up and land where the time was actually spent. Bounds are loose: machines are shared. */
@ParameterizedClass(name = "{0}")
@EnumSource(HttpTransport.class)
class HttpTimingsTest {
    @Parameter
    HttpTransport transport;
    private static final long MS = 1_000_000L;
    @RegisterExtension
    static final LocalTarget LOCAL = new LocalTarget();

    @Test
    void phasesSumToTheCallsWallTime() {
        HttpExchange out = new HttpExchange();
        try (HttpSession session = LOCAL.http(transport).newSession()) {
            long before = System.nanoTime();
            session.execute(HttpRequestSpec.get(URI.create(LOCAL.target().baseUrl() + "/api/items")), out);
            long wall = System.nanoTime() - before;

            long phases = out.blockedNanos() + out.connectingNanos() + out.tlsHandshakingNanos()
                    + out.sendingNanos() + out.waitingNanos() + out.receivingNanos();
            assertThat(out.startNanos()).isBetween(before, before + wall);
            assertThat(phases).isPositive().isLessThanOrEqualTo(wall);
            // Only the hand-back to the caller (a park/unpark on Netty) lies outside the phases.
            assertThat(wall - phases).isLessThan(50 * MS);
            assertThat(out.durationNanos()).isEqualTo(out.sendingNanos() + out.waitingNanos() + out.receivingNanos());
            assertThat(out.connectingNanos()).isPositive();
            assertThat(out.tlsHandshakingNanos()).isZero();
            assertThat(out.sendingNanos()).isPositive();
            assertThat(out.waitingNanos()).isPositive();
        }
    }

    @Test
    void slowServerShowsUpAsWaiting() {
        HttpExchange out = new HttpExchange();
        try (HttpSession session = LOCAL.http(transport).newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(LOCAL.target().baseUrl() + "/health")), out);
            session.execute(HttpRequestSpec.get(URI.create(LOCAL.target().baseUrl() + "/slow?ms=100")), out);

            assertThat(out.status()).isEqualTo(200);
            assertThat(out.waitingNanos()).isBetween(95 * MS, 1000 * MS);
            assertThat(out.durationNanos()).isBetween(95 * MS, 1000 * MS);
            assertThat(out.sendingNanos()).isLessThan(50 * MS);
            assertThat(out.receivingNanos()).isLessThan(50 * MS);
            // Reused connection: nothing to connect, almost nothing to wait for.
            assertThat(out.connectionReused()).isTrue();
            assertThat(out.connectingNanos()).isZero();
            assertThat(out.blockedNanos()).isLessThan(50 * MS);
        }
    }

    @Test
    void largeBodyTakesReceivingTime() {
        HttpExchange out = new HttpExchange();
        try (HttpSession session = LOCAL.http(transport).newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(LOCAL.target().baseUrl() + "/bytes/4000000")), out);
            assertThat(out.status()).isEqualTo(200);
            assertThat(out.receivingNanos()).isPositive();
            assertThat(out.bodyLength()).isEqualTo(4_000_000);
        }
    }
}
