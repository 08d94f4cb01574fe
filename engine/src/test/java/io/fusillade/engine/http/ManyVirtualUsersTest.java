package io.fusillade.engine.http;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import io.fusillade.web.demo.DemoTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many virtual threads, each with its own session, share one engine. */
@ParameterizedClass(name = "{0}")
@EnumSource(HttpTransport.class)
class ManyVirtualUsersTest {
    @Parameter
    HttpTransport transport;
    private static final int USERS = 200;
    private static final int REQUESTS_EACH = 50;

    @Test
    void everyUsersRequestsCompleteCorrectly() throws Exception {
        try (DemoTarget target = new DemoTarget(0).start();
             HttpClientEngine engine = new HttpClientEngine(HttpClientConfig.defaults().withTransport(transport));
             ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                int user = u;
                outcomes.add(users.submit(() -> {
                    int correct = 0;
                    HttpExchange out = new HttpExchange();
                    try (HttpSession session = engine.newSession()) {
                        for (int i = 0; i < REQUESTS_EACH; i++) {
                            int id = (user + i) % 3 + 1;
                            session.execute(HttpRequestSpec.get(URI.create(target.baseUrl() + "/api/items/" + id)), out);
                            String body = new String(out.body(), StandardCharsets.UTF_8);
                            if (out.status() == 200 && body.startsWith("{\"id\":" + id + ",")) {
                                correct++;
                            }
                        }
                    }
                    return correct;
                }));
            }
            int correct = 0;
            for (Future<Integer> outcome : outcomes) {
                correct += outcome.get(60, TimeUnit.SECONDS);
            }

            assertThat(correct).isEqualTo(USERS * REQUESTS_EACH);
            assertThat(target.requestCount("/api/items/{id}")).isEqualTo(USERS * REQUESTS_EACH);
            assertThat(target.connectionCount()).isEqualTo(USERS);
        }
    }
}
