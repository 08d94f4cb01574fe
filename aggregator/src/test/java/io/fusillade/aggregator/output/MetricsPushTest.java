package io.fusillade.aggregator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.aggregator.summary.Summary;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsPushTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the receiver got: path, the auth header, the body. */
    record Received(String path, String auth, JsonNode body) {
    }

    private LocalReceiver receiver;
    private String url;

    @BeforeEach
    void startReceiver() {
        receiver = new LocalReceiver(path -> path.contains("refuse") ? 500 : 204);
        url = receiver.url("/ingest");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private List<Received> received() throws Exception {
        List<Received> list = new java.util.ArrayList<>();
        for (LocalReceiver.Request r : receiver.received()) {
            list.add(new Received(r.path(), r.headers().getFirst("X-Api-Key"), JSON.readTree(r.body())));
        }
        return list;
    }

    @Test
    void pushesEverySecondThenTheSummaryWithTheAuthHeader() throws Exception {
        Outputs outputs = Outputs.open(new Outputs.Options(false, null, List.of(), null, url, "X-Api-Key: s3cret"), System.out);
        Summary summary = RunFixture.run(RunFixture.events(), outputs);
        Outputs.Finished finished = outputs.finish(summary, "t.js");
        assertThat(finished.notes()).isEmpty();
        List<Received> received = received();

        List<Received> seconds = received.stream().filter(r -> r.path().equals("/ingest")).toList();
        assertThat(seconds).hasSize(20);
        assertThat(received).allMatch(r -> "s3cret".equals(r.auth()));
        assertThat(seconds.stream().mapToLong(r -> r.body().path("requests").asLong()).sum()).isEqualTo(RunFixture.REQUESTS + 1);
        JsonNode slow = seconds.stream().filter(r -> r.body().path("elapsed_secs").asDouble() == 9.0).findFirst().orElseThrow().body();
        assertThat(slow.path("p95").asDouble()).isBetween(190.0, 215.0);
        assertThat(slow.path("rps").asDouble()).isEqualTo(100.0);
        assertThat(slow.path("vus").asDouble()).isEqualTo(5.0);

        Received last = received.getLast();
        assertThat(last.path()).isEqualTo("/ingest/summary");
        assertThat(last.body().path("total_requests").asLong()).isEqualTo(summary.totalRequests());
        assertThat(last.body().path("endpoints")).hasSize(2);
        assertThat(last.body().path("status_codes").path("503").asLong()).isEqualTo(50);
    }

    @Test
    void anUndeliveredSummaryIsAnErrorNamingTheUrl() throws Exception {
        Outputs outputs = Outputs.open(new Outputs.Options(false, null, List.of(), null, url + "/refuse", null), System.out);
        Summary summary = RunFixture.run(RunFixture.events(), outputs);
        assertThatThrownBy(() -> outputs.finish(summary, "t.js"))
                .hasMessageContaining("cannot push the summary to " + url + "/refuse/summary: HTTP 500");
    }

    @Test
    void badUrlOrHeaderNameTheOption() {
        assertThatThrownBy(() -> MetricsPush.to("ftp://x", null)).hasMessageContaining("invalid --metrics-url 'ftp://x'");
        assertThatThrownBy(() -> MetricsPush.to(url, "no colon")).hasMessageContaining("invalid --metrics-auth 'no colon'");
        assertThatThrownBy(() -> Outputs.open(new Outputs.Options(false, null, List.of(), null, null, "A: b"), System.out))
                .hasMessageContaining("--metrics-auth needs --metrics-url");
    }
}
