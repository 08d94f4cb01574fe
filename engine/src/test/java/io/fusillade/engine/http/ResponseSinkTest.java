package io.fusillade.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import io.fusillade.engine.testing.LocalTarget;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** response_sink: 10 MB bodies are read off the wire and counted, but not kept. */
@ParameterizedClass(name = "{0}")
@EnumSource(HttpTransport.class)
class ResponseSinkTest {
    private static final int TEN_MB = 10 * 1024 * 1024;
    @Parameter
    HttpTransport transport;
    @RegisterExtension
    static final LocalTarget LOCAL = new LocalTarget();

    /** Bytes allocated on the calling thread while five 10 MB responses are read. */
    private long allocatedReading(boolean sink, HttpExchange out) throws InterruptedException {
        HttpRequestSpec request = new HttpRequestSpec("GET", URI.create(LOCAL.target().baseUrl() + "/bytes/" + TEN_MB), List.of(), null,
                Duration.ofSeconds(30), sink);
        AtomicLong allocated = new AtomicLong();
        // A platform thread: its allocation counter covers exactly this work.
        Thread reader = Thread.ofPlatform().start(() -> {
            ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
            try (HttpSession session = LOCAL.http(transport).newSession()) {
                session.execute(request, out);
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 5; i++) {
                    session.execute(request, out);
                }
                allocated.set(threads.getCurrentThreadAllocatedBytes() - before);
            }
        });
        reader.join();
        return allocated.get();
    }

    @Test
    void sunkBodiesAreCountedButNotKept() throws InterruptedException {
        HttpExchange sunk = new HttpExchange();
        long sinkAllocated = allocatedReading(true, sunk);
        assertThat(sunk.status()).isEqualTo(200);
        assertThat(sunk.bodyLength()).isEqualTo(TEN_MB);
        assertThat(sunk.body() == null || sunk.body().length == 0).isTrue();
        assertThat(sunk.bytesReceived()).isGreaterThan(TEN_MB);

        HttpExchange kept = new HttpExchange();
        long keepAllocated = allocatedReading(false, kept);
        assertThat(kept.body()).hasSize(TEN_MB);
        if (transport == HttpTransport.SOCKET) {
            // The socket transport reads on the caller's thread: keeping five bodies allocates at
            // least 50 MB there, sinking them a small fraction of one. (Netty reads on its own threads.)
            assertThat(keepAllocated).isGreaterThan(5L * TEN_MB);
            assertThat(sinkAllocated).isLessThan(TEN_MB / 4);
        }
    }
}
