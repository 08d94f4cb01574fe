package io.fusillade.engine.http;

import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.Protocol;
import io.fusillade.web.demo.DemoConfig;
import io.fusillade.web.demo.DemoTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP/2 over TLS (ALPN) and h2c against local Netty servers, and the protocol choice, on both HTTP/1.1 transports. */
@ParameterizedClass(name = "{0}")
@EnumSource(HttpTransport.class)
class Http2Test {
    @Parameter
    HttpTransport transport;
    @TempDir
    static Path keys;
    private static H2TestServer tls;
    private static H2TestServer h2c;
    private static DemoTarget h1Only;

    @BeforeAll
    static void startServers() throws Exception {
        tls = H2TestServer.tls(keys, false, null, "h2", "http/1.1");
        h2c = H2TestServer.h2c();
        h1Only = new DemoTarget(DemoConfig.http(0).withTls(TestCertificates.selfSignedServer(keys))).start();
    }

    @AfterAll
    static void stopServers() {
        tls.close();
        h2c.close();
        h1Only.close();
    }

    private HttpClientEngine engine(HttpVersion version) {
        return new HttpClientEngine(HttpClientConfig.defaults().withTransport(transport).withInsecureSkipTlsVerify(true)
                .withHttpVersion(version));
    }

    @Test
    void autoUsesH2WhenTheServerPicksItByAlpn() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(HttpVersion.AUTO); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(tls.url("/first"))), out);

            assertThat(out.status()).isEqualTo(200);
            assertThat(out.protocol()).isEqualTo(Protocol.H2);
            assertThat(new String(out.body(), StandardCharsets.UTF_8)).isEqualTo("h2 /first 0");
            assertThat(out.tlsHandshakingNanos()).isPositive();
            assertThat(out.bytesSent()).isPositive();
            assertThat(out.bytesReceived()).isPositive();

            session.execute(HttpRequestSpec.get(URI.create(tls.url("/second"))), out);
            assertThat(out.protocol()).isEqualTo(Protocol.H2);
            assertThat(out.connectionReused()).isTrue();
            assertThat(out.tlsHandshakingNanos()).isZero();
            // Frame headers and payload of this stream only: HEADERS out, HEADERS and DATA in.
            assertThat(out.bytesSent()).isBetween(20L, 200L);
            assertThat(out.bytesReceived()).isBetween(30L, 300L);
            assertThat(out.waitingNanos()).isPositive();
            assertThat(session.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void aBatchOfStreamsSharesOneConnection() throws Exception {
        H2TestServer server = H2TestServer.tls(keys, false, null, "h2", "http/1.1");
        int n = 5;
        try (server; HttpClientEngine engine = engine(HttpVersion.HTTP_2); HttpSession session = engine.newSession()) {
            List<HttpSession> lanes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                lanes.add(i == 0 ? session : session.lane());
            }
            HttpExchange[] outs = new HttpExchange[n];
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            long began = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int lane = i;
                outs[i] = new HttpExchange();
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    lanes.get(lane).execute(HttpRequestSpec.get(URI.create(server.url("/slow/" + lane))), outs[lane]);
                }));
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            long tookMillis = (System.nanoTime() - began) / 1_000_000;

            for (int i = 0; i < n; i++) {
                assertThat(outs[i].status()).as(outs[i].toString()).isEqualTo(200);
                assertThat(outs[i].protocol()).isEqualTo(Protocol.H2);
                assertThat(new String(outs[i].body(), StandardCharsets.UTF_8)).isEqualTo("h2 /slow/" + i + " 0");
            }
            assertThat(server.connections()).isEqualTo(1);
            assertThat(server.maxStreamsOnOneConnection()).isEqualTo(n);
            // In parallel: well under five 300 ms answers one after another.
            assertThat(tookMillis).isLessThan(1300);
            for (HttpSession lane : lanes.subList(1, n)) {
                lane.close();
            }
        }
    }

    @Test
    void forcingHttp11GetsH1FromAnH2CapableServer() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(HttpVersion.AUTO); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(tls.url("/old"))).withHttpVersion(HttpVersion.HTTP_1_1), out);

            assertThat(out.status()).isEqualTo(200);
            assertThat(out.protocol()).isEqualTo(Protocol.H1);
            assertThat(new String(out.body(), StandardCharsets.UTF_8)).isEqualTo("h1 /old");
        }
    }

    @Test
    void requiringH2FromAnHttp11OnlyServerFailsClearly() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(HttpVersion.HTTP_2); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(h1Only.baseUrl() + "/health")), out);

            assertThat(out.status()).isZero();
            assertThat(out.error()).isEqualTo(ErrorCode.ENETWORK);
            assertThat(out.errorMessage()).contains("HTTP/2 required").contains("did not agree to h2");
        }
    }

    @Test
    void autoFallsBackToHttp11WhenTheServerOffersNoH2() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(HttpVersion.AUTO); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(h1Only.baseUrl() + "/health")), out);

            assertThat(out.status()).isEqualTo(200);
            assertThat(out.protocol()).isEqualTo(Protocol.H1);
        }
    }

    @Test
    void h2cWithPriorKnowledge() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(HttpVersion.HTTP_2); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(h2c.url("/clear"))), out);
            assertThat(out.status()).as(out.toString()).isEqualTo(200);
            assertThat(out.protocol()).isEqualTo(Protocol.H2);
            assertThat(out.tlsHandshakingNanos()).isZero();

            session.execute(HttpRequestSpec.of("POST", URI.create(h2c.url("/upload"))).withBody(new byte[40_000]), out);
            assertThat(out.status()).isEqualTo(200);
            assertThat(new String(out.body(), StandardCharsets.UTF_8)).isEqualTo("h2 /upload 40000");
            assertThat(out.bytesSent()).isGreaterThan(40_000);
        }
    }

    @Test
    void plainHttpStaysOnHttp11InAutoMode() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(HttpVersion.AUTO); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(h2c.url("/clear"))), out);
            // An h2c-only server cannot read HTTP/1.1: the request fails rather than silently switching.
            assertThat(out.protocol()).isNotEqualTo(Protocol.H2);
        }
    }

    @Test
    void aResetStreamIsEconnresetAndATimedOutStreamLeavesTheConnectionUsable() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(HttpVersion.HTTP_2); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create(h2c.url("/reset"))), out);
            assertThat(out.status()).isZero();
            assertThat(out.error()).isEqualTo(ErrorCode.ECONNRESET);
            assertThat(out.error().category()).isEqualTo("RESET");
            assertThat(out.errorMessage()).contains("INTERNAL_ERROR");

            session.execute(HttpRequestSpec.get(URI.create(h2c.url("/hang"))).withTimeout(java.time.Duration.ofMillis(200)), out);
            assertThat(out.error()).isEqualTo(ErrorCode.ETIMEDOUT);
            assertThat(out.waitingNanos()).isGreaterThanOrEqualTo(150_000_000L);

            session.execute(HttpRequestSpec.get(URI.create(h2c.url("/after"))), out);
            assertThat(out.status()).isEqualTo(200);
            assertThat(out.connectionReused()).isTrue();
            assertThat(session.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void anInterruptedWaitEndsTheStreamAndKeepsTheFlag() throws Exception {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(HttpVersion.HTTP_2); HttpSession session = engine.newSession()) {
            boolean[] flagKept = new boolean[1];
            Thread vu = Thread.ofVirtual().start(() -> {
                session.execute(HttpRequestSpec.get(URI.create(h2c.url("/hang"))), out);
                flagKept[0] = Thread.currentThread().isInterrupted();
            });
            Thread.sleep(200);
            vu.interrupt();
            vu.join(5_000);
            assertThat(vu.isAlive()).isFalse();
            assertThat(flagKept[0]).isTrue();
            assertThat(out.error()).isEqualTo(ErrorCode.ENETWORK);
            assertThat(out.errorMessage()).isEqualTo("request interrupted");
        }
    }

    @Test
    void anUnreachableH2OriginIsConnectionRefused() {
        HttpExchange out = new HttpExchange();
        try (HttpClientEngine engine = engine(HttpVersion.HTTP_2); HttpSession session = engine.newSession()) {
            session.execute(HttpRequestSpec.get(URI.create("https://127.0.0.1:1/")), out);
            assertThat(out.error()).isEqualTo(ErrorCode.ECONNREFUSED);
        }
    }
}
