package io.fusillade.engine.http;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import io.fusillade.engine.testing.LocalTarget;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.fusillade.ingest.EpochClock;
import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.Protocol;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.web.demo.DemoTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass(name = "{0}")
@EnumSource(HttpTransport.class)
class HttpSessionTest {
    @Parameter
    HttpTransport transport;
    private static final String PATTERN = "abcdefghijklmnopqrstuvwxyz0123456789";
    @RegisterExtension
    static final LocalTarget LOCAL = new LocalTarget();
    private HttpSession session;
    private final HttpExchange out = new HttpExchange();

    @BeforeEach
    void newSession() {
        LOCAL.target().reset();
        session = LOCAL.http(transport).newSession();
    }

    @AfterEach
    void closeSession() {
        session.close();
    }

    @Test
    void getReturnsStatusHeadersBodyAndCountsTheBytesOnTheWire() {
        session.execute(HttpRequestSpec.get(url("/api/items/1")), out);

        assertThat(out.failed()).isFalse();
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.statusText()).isEqualTo("OK");
        assertThat(out.protocol()).isEqualTo(Protocol.H1);
        assertThat(out.header("Content-Type")).isEqualTo("application/json");
        String body = new String(out.body(), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"id\":1,\"name\":\"Widget\",\"price\":9.99}");
        assertThat(out.bodyLength()).isEqualTo(body.length());

        String sent = "GET /api/items/1 HTTP/1.1\r\nHost: 127.0.0.1:" + LOCAL.target().port() + "\r\nUser-Agent: "
                + HttpClientConfig.DEFAULT_USER_AGENT + "\r\n\r\n";
        assertThat(out.bytesSent()).isEqualTo(sent.length());
        assertThat(out.bytesReceived()).isEqualTo(responseSize(body.length()));
        assertThat(out.remoteAddress().getPort()).isEqualTo(LOCAL.target().port());
    }

    @Test
    void postSendsTheBodyAndReadsTheCreatedItem() {
        byte[] json = "{\"name\":\"Sprocket\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequestSpec post = HttpRequestSpec.of("POST", url("/api/items"))
                .withHeader("Content-Type", "application/json").withBody(json);

        session.execute(post, out);

        assertThat(out.status()).isEqualTo(201);
        assertThat(out.statusText()).isEqualTo("Created");
        assertThat(new String(out.body(), StandardCharsets.UTF_8)).matches("\\{\"id\":\\d+,\"name\":\"Sprocket\"}");
        String head = "POST /api/items HTTP/1.1\r\nHost: 127.0.0.1:" + LOCAL.target().port() + "\r\nUser-Agent: "
                + HttpClientConfig.DEFAULT_USER_AGENT + "\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length + "\r\n\r\n";
        assertThat(out.bytesSent()).isEqualTo(head.length() + json.length);
    }

    @Test
    void loginRoundTrip() {
        session.execute(HttpRequestSpec.of("POST", url("/api/login"))
                .withBody("{\"username\":\"ann\",\"password\":\"pw\"}".getBytes(StandardCharsets.UTF_8)), out);
        assertThat(out.status()).isEqualTo(200);
        assertThat(new String(out.body(), StandardCharsets.UTF_8)).startsWith("{\"token\":\"demo-");
    }

    @Test
    void requestHeadersGoOutInOrderAndReplaceTheDefaults() {
        HttpRequestSpec request = HttpRequestSpec.get(url("/headers"))
                .withHeader("X-First", "1")
                .withHeader("User-Agent", "my-agent/2")
                .withHeader("X-Second", "two words");

        session.execute(request, out);

        String echoed = new String(out.body(), StandardCharsets.UTF_8);
        assertThat(echoed).isEqualTo("{\"Host\":\"127.0.0.1:" + LOCAL.target().port()
                + "\",\"X-First\":\"1\",\"User-Agent\":\"my-agent/2\",\"X-Second\":\"two words\"}");
    }

    @Test
    void credentialsInTheUrlBecomeBasicAuth() {
        session.execute(HttpRequestSpec.get(URI.create("http://ann:s3cret@127.0.0.1:" + LOCAL.target().port() + "/headers")), out);
        assertThat(new String(out.body(), StandardCharsets.UTF_8)).contains("\"Authorization\":\"Basic YW5uOnMzY3JldA==\"");
    }

    @Test
    void nonAsciiPathIsPercentEncodedOnTheWire() {
        session.execute(HttpRequestSpec.get(URI.create("http://127.0.0.1:" + LOCAL.target().port() + "/api/items/\u00fc")), out);
        assertThat(out.status()).isEqualTo(404);
        assertThat(new String(out.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"item %C3%BC not found\"}");
    }

    @Test
    void errorStatusesAreResponsesNotNetworkErrors() {
        session.execute(HttpRequestSpec.get(url("/status/503")), out);
        assertThat(out.status()).isEqualTo(503);
        assertThat(out.statusText()).isEqualTo("Service Unavailable");
        assertThat(out.error()).isEqualTo(ErrorCode.NONE);

        session.execute(HttpRequestSpec.get(url("/status/204")), out);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.body()).isEmpty();
    }

    @Test
    void headHasHeadersButNoBodyAndLeavesTheConnectionUsable() {
        session.execute(HttpRequestSpec.of("HEAD", url("/api/items")), out);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.header("content-length")).isNotEqualTo("0");
        assertThat(out.body()).isEmpty();

        session.execute(HttpRequestSpec.get(url("/health")), out);
        assertThat(new String(out.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"ok\"}");
        assertThat(out.connectionReused()).isTrue();
        assertThat(LOCAL.target().connectionCount()).isEqualTo(1);
    }

    @Test
    void largeAndChunkedBodiesArriveWhole() {
        session.execute(HttpRequestSpec.get(url("/bytes/1000000")), out);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.body()).isEqualTo(pattern(1_000_000));

        // Beyond what is allocated from the Content-Length alone.
        session.execute(HttpRequestSpec.get(url("/bytes/9000000")), out);
        assertThat(out.body()).isEqualTo(pattern(9_000_000));

        session.execute(HttpRequestSpec.get(url("/chunked/5000")), out);
        assertThat(out.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(out.body()).isEqualTo(pattern(5000));
        assertThat(out.bodyLength()).isEqualTo(5000);
        assertThat(out.bytesReceived()).isGreaterThan(5000);
    }

    @Test
    void discardedBodyIsCountedButNotKept() {
        session.execute(HttpRequestSpec.get(url("/bytes/300000")).discardingBody(), out);

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.body()).isNull();
        assertThat(out.bodyLength()).isEqualTo(300_000);
        assertThat(out.bytesReceived()).isEqualTo(responseSize(300_000));

        session.execute(HttpRequestSpec.get(url("/chunked/5000")).discardingBody(), out);
        assertThat(out.body()).isNull();
        assertThat(out.bodyLength()).isEqualTo(5000);
    }

    @Test
    void oneConnectionServesAHundredSequentialRequests() {
        List<Boolean> reused = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            session.execute(HttpRequestSpec.get(url("/api/items/" + (i % 3 + 1))), out);
            assertThat(out.status()).isEqualTo(200);
            reused.add(out.connectionReused());
        }
        assertThat(LOCAL.target().connectionCount()).isEqualTo(1);
        assertThat(LOCAL.target().requestCount("/api/items/{id}")).isEqualTo(100);
        assertThat(reused.getFirst()).isFalse();
        assertThat(reused.subList(1, 100)).containsOnly(true);
        assertThat(session.openConnections()).isEqualTo(1);
    }

    @Test
    void connectionCloseIsRespected() {
        session.execute(HttpRequestSpec.get(url("/health")).withHeader("Connection", "close"), out);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.header("connection")).isEqualTo("close");

        session.execute(HttpRequestSpec.get(url("/health")), out);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.connectionReused()).isFalse();
        assertThat(LOCAL.target().connectionCount()).isEqualTo(2);
    }

    @Test
    void eachOriginGetsItsOwnConnection() {
        try (DemoTarget other = new DemoTarget(0).start()) {
            for (int i = 0; i < 5; i++) {
                session.execute(HttpRequestSpec.get(url("/health")), out);
                session.execute(HttpRequestSpec.get(URI.create(other.baseUrl() + "/health")), out);
                assertThat(out.status()).isEqualTo(200);
            }
            assertThat(LOCAL.target().connectionCount()).isEqualTo(1);
            assertThat(other.connectionCount()).isEqualTo(1);
            assertThat(session.openConnections()).isEqualTo(2);
        }
    }

    @Test
    void outcomeFillsARequestSample() {
        session.execute(HttpRequestSpec.get(url("/health")), out);
        EpochClock clock = new EpochClock();
        SampleEvent slot = new SampleEvent();

        out.writeTo(slot, clock);

        assertThat(slot.status).isEqualTo(200);
        assertThat(slot.protocol).isEqualTo(Protocol.H1);
        assertThat(slot.error).isEqualTo(ErrorCode.NONE);
        assertThat(slot.bytesSent).isEqualTo(out.bytesSent());
        assertThat(slot.bytesReceived).isEqualTo(out.bytesReceived());
        assertThat(slot.durationNanos).isEqualTo(out.sendingNanos() + out.waitingNanos() + out.receivingNanos());
        assertThat(slot.startNanos).isEqualTo(clock.toEpochNanos(out.startNanos()));
        assertThat(slot.requestFailed()).isFalse();
    }

    @Test
    void invalidRequestsAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> HttpRequestSpec.get(URI.create("ftp://127.0.0.1/file")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported URL scheme 'ftp'");
        assertThatThrownBy(() -> HttpRequestSpec.get(URI.create("/api/items")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/api/items' is not absolute");
        assertThatThrownBy(() -> HttpRequestSpec.get(url("/")).withHeader("X-Evil", "a\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'X-Evil'");
        assertThatThrownBy(() -> HttpRequestSpec.of("GE T", url("/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'GE T'");
    }

    @Test
    void executeRefusesToBlockAnEventLoopThread() throws Exception {
        Throwable[] thrown = new Throwable[1];
        Thread loopThread = new IoThreads().newThread(() -> {
            try {
                session.execute(HttpRequestSpec.get(url("/health")), out);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        loopThread.start();
        loopThread.join(5000);
        assertThat(thrown[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("event-loop thread");
    }

    @Test
    void closedSessionRefusesWork() {
        session.close();
        assertThatThrownBy(() -> session.execute(HttpRequestSpec.get(url("/health")), out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("session is closed");
    }

    private static URI url(String path) {
        return URI.create(LOCAL.target().baseUrl() + path);
    }

    /** What the demo target sends for a body of {@code length}: status line, its three headers, body. */
    private long responseSize(long length) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(out.status()).append(' ').append(out.statusText()).append("\r\n");
        out.forEachHeader((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.length() + 2 + length;
    }

    private static byte[] pattern(int length) {
        byte[] expected = new byte[length];
        for (int i = 0; i < length; i++) {
            expected[i] = (byte) PATTERN.charAt(i % PATTERN.length());
        }
        return expected;
    }
}
