package io.fusillade.engine.http;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import io.fusillade.engine.testing.LocalTarget;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.fusillade.ingest.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Network trouble becomes status 0 and an error code, never an exception. */
@ParameterizedClass(name = "{0}")
@EnumSource(HttpTransport.class)
class HttpFailureTest {
    @Parameter
    HttpTransport transport;
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
    void timeoutEndsTheRequestWithEtimedout() {
        long start = System.nanoTime();
        session.execute(HttpRequestSpec.get(url("/slow?ms=3000")).withTimeout(Duration.ofMillis(200)), out);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(out.status()).isZero();
        assertThat(out.error()).isEqualTo(ErrorCode.ETIMEDOUT);
        assertThat(out.errorMessage()).isEqualTo("request timeout");
        assertThat(tookMs).isBetween(190L, 2000L);
        // The time went into waiting for the first byte, which never came.
        assertThat(out.waitingNanos()).isGreaterThan(150_000_000L);
        assertThat(out.receivingNanos()).isZero();

        session.execute(HttpRequestSpec.get(url("/health")), out);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.connectionReused()).isFalse();
    }

    @Test
    void engineDefaultTimeoutAppliesWhenTheRequestSetsNone() {
        try (HttpClientEngine impatient = new HttpClientEngine(
                HttpClientConfig.defaults().withTransport(transport).withDefaultTimeout(Duration.ofMillis(150)));
             HttpSession own = impatient.newSession()) {
            own.execute(HttpRequestSpec.get(url("/slow?ms=2000")), out);
            assertThat(out.error()).isEqualTo(ErrorCode.ETIMEDOUT);
            own.execute(HttpRequestSpec.get(url("/slow?ms=10")), out);
            assertThat(out.status()).isEqualTo(200);
        }
    }

    @Test
    void closedPortIsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        session.execute(HttpRequestSpec.get(URI.create("http://127.0.0.1:" + port + "/")), out);

        assertThat(out.status()).isZero();
        assertThat(out.error()).isEqualTo(ErrorCode.ECONNREFUSED);
        assertThat(out.errorMessage()).isEqualTo("connection refused: 127.0.0.1:" + port);
        assertThat(out.headers().isEmpty()).isTrue();
        assertThat(out.body()).isNull();
        assertThat(out.bytesSent()).isZero();
    }

    @Test
    void unknownHostIsEnotfound() {
        session.execute(HttpRequestSpec.get(URI.create("http://no-such-host.invalid/")), out);

        assertThat(out.status()).isZero();
        assertThat(out.error()).isEqualTo(ErrorCode.ENOTFOUND);
        assertThat(out.errorMessage()).contains("no-such-host.invalid");
        // The lookup's time is blocked time, as in k6.
        assertThat(out.blockedNanos()).isPositive();
        assertThat(out.durationNanos()).isZero();
    }

    @Test
    void serverClosingMidBodyIsANetworkError() {
        session.execute(HttpRequestSpec.get(url("/truncated")), out);

        assertThat(out.status()).isZero();
        assertThat(out.error()).isIn(ErrorCode.ECONNRESET, ErrorCode.ENETWORK);
        assertThat(out.errorMessage()).isNotEmpty();
        assertThat(out.bytesReceived()).isGreaterThan(100);
        // A response had begun, so it is not retried.
        assertThat(LOCAL.target().requestCount("/truncated")).isEqualTo(1);

        session.execute(HttpRequestSpec.get(url("/health")), out);
        assertThat(out.status()).isEqualTo(200);
    }

    @Test
    void staleKeepAliveConnectionIsRetriedOnceOnAFreshOne() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        // Answers the first request of its first connection, then closes that connection when the
        // second request arrives, as a server does whose idle timeout has just expired.
        try (ScriptedServer server = new ScriptedServer(socket -> {
            int connection = connections.incrementAndGet();
            InputStream in = socket.getInputStream();
            OutputStream reply = socket.getOutputStream();
            while (readRequestHead(in)) {
                int request = requests.incrementAndGet();
                if (connection == 1 && request == 2) {
                    return;
                }
                reply.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                reply.flush();
            }
        })) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/");
            session.execute(HttpRequestSpec.get(uri), out);
            assertThat(out.status()).isEqualTo(200);
            long oneRequestBytes = out.bytesSent();

            session.execute(HttpRequestSpec.get(uri), out);

            assertThat(out.status()).isEqualTo(200);
            assertThat(new String(out.body(), StandardCharsets.US_ASCII)).isEqualTo("ok");
            assertThat(connections.get()).isEqualTo(2);
            assertThat(requests.get()).isEqualTo(3);
            // Counted once: the lost attempt's bytes are not this request's.
            assertThat(out.bytesSent()).isEqualTo(oneRequestBytes);
            assertThat(out.connectionReused()).isFalse();
            assertThat(out.connectingNanos()).isPositive();
        }
    }

    @Test
    void freshConnectionClosedWithoutAnswerIsNotRetried() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer(socket -> {
            connections.incrementAndGet();
            readRequestHead(socket.getInputStream());
        })) {
            session.execute(HttpRequestSpec.get(URI.create("http://127.0.0.1:" + server.port() + "/")), out);

            assertThat(out.status()).isZero();
            assertThat(out.error()).isIn(ErrorCode.ENETWORK, ErrorCode.ECONNRESET);
            assertThat(connections.get()).isEqualTo(1);
        }
    }

    @Test
    void malformedResponseIsANetworkError() throws Exception {
        try (ScriptedServer server = new ScriptedServer(socket -> {
            readRequestHead(socket.getInputStream());
            socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: twelve\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        })) {
            session.execute(HttpRequestSpec.get(URI.create("http://127.0.0.1:" + server.port() + "/")), out);

            assertThat(out.status()).isZero();
            assertThat(out.error()).isEqualTo(ErrorCode.ENETWORK);
            assertThat(out.errorMessage()).startsWith("malformed HTTP response");
        }
    }

    @Test
    void interimResponsesAreSkipped() throws Exception {
        try (ScriptedServer server = new ScriptedServer(socket -> {
            readRequestHead(socket.getInputStream());
            socket.getOutputStream().write(("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        })) {
            session.execute(HttpRequestSpec.get(URI.create("http://127.0.0.1:" + server.port() + "/")), out);

            assertThat(out.status()).isEqualTo(200);
            assertThat(new String(out.body(), StandardCharsets.US_ASCII)).isEqualTo("final");
        }
    }

    @Test
    void bodyReadUntilCloseIsComplete() throws Exception {
        try (ScriptedServer server = new ScriptedServer(socket -> {
            readRequestHead(socket.getInputStream());
            socket.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\nuntil the end".getBytes(StandardCharsets.US_ASCII));
        })) {
            session.execute(HttpRequestSpec.get(URI.create("http://127.0.0.1:" + server.port() + "/")), out);

            assertThat(out.status()).isEqualTo(200);
            assertThat(new String(out.body(), StandardCharsets.US_ASCII)).isEqualTo("until the end");
            assertThat(session.openConnections()).isZero();
        }
    }

    @Test
    void interruptedWaitAbandonsTheRequestAndKeepsTheFlag() throws Exception {
        HttpExchange result = new HttpExchange();
        boolean[] stillInterrupted = new boolean[1];
        Thread vu = Thread.ofVirtual().start(() -> {
            try (HttpSession own = LOCAL.http(transport).newSession()) {
                own.execute(HttpRequestSpec.get(url("/slow?ms=3000")), result);
                stillInterrupted[0] = Thread.currentThread().isInterrupted();
            }
        });
        Thread.sleep(200);
        long start = System.nanoTime();
        vu.interrupt();
        vu.join(Duration.ofSeconds(2));

        assertThat(vu.isAlive()).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        assertThat(result.status()).isZero();
        assertThat(result.error()).isEqualTo(ErrorCode.ENETWORK);
        assertThat(result.errorMessage()).isEqualTo("request interrupted");
        assertThat(stillInterrupted[0]).isTrue();
    }

    @Test
    void closingTheEngineEndsRequestsInFlight() throws Exception {
        HttpExchange result = new HttpExchange();
        HttpClientEngine closing = new HttpClientEngine(HttpClientConfig.defaults().withTransport(transport));
        Thread vu = Thread.ofVirtual().start(() -> {
            try (HttpSession own = closing.newSession()) {
                own.execute(HttpRequestSpec.get(url("/slow?ms=3000")), result);
            }
        });
        Thread.sleep(200);
        long start = System.nanoTime();
        closing.close();
        vu.join(Duration.ofSeconds(3));

        assertThat(vu.isAlive()).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
        assertThat(result.status()).isZero();
        assertThat(result.error()).isEqualTo(ErrorCode.ENETWORK);
        assertThatThrownBy(closing::newSession).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static URI url(String path) {
        return URI.create(LOCAL.target().baseUrl() + path);
    }

    /** Reads up to the blank line ending a request head; false at end of stream. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    /** A one-connection-at-a-time server on 127.0.0.1 that plays a script on each connection, then closes it. */
    private static final class ScriptedServer implements AutoCloseable {
        interface Script {
            void play(Socket socket) throws Exception;
        }

        private final ServerSocket listener;
        private final Thread acceptor;
        private volatile Socket current;

        ScriptedServer(Script script) throws IOException {
            listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!listener.isClosed()) {
                    try (Socket socket = listener.accept()) {
                        current = socket;
                        script.play(socket);
                    } catch (Exception e) {
                        // The listener closed or the client went away: the script is over either way.
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            Socket open = current;
            if (open != null) {
                open.close();
            }
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
