package io.fusillade.web.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoTargetTest {
    private DemoTarget target;
    private HttpClient client;

    @BeforeEach
    void start() {
        target = new DemoTarget(0).start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        target.close();
    }

    @Test
    void servesTheIndexPage() throws Exception {
        HttpResponse<String> res = get("/");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(res.body()).contains("Fusillade demo target");
    }

    @Test
    void listsItemsAndFindsOneById() throws Exception {
        HttpResponse<String> list = get("/api/items");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(list.body()).startsWith("[").endsWith("]").contains("\"id\":1", "\"id\":2", "\"id\":3");

        HttpResponse<String> one = get("/api/items/2");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("{\"id\":2,\"name\":\"Gadget\",\"price\":24.50}");
    }

    @Test
    void unknownItemIs404Json() throws Exception {
        HttpResponse<String> res = get("/api/items/99");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.body()).isEqualTo("{\"error\":\"item 99 not found\"}");
        assertThat(get("/api/items/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void createsAnItemByEchoingTheBodyWithAnId() throws Exception {
        HttpResponse<String> first = post("/api/items", "{\"name\":\"Sprocket\",\"price\":3}");
        HttpResponse<String> second = post("/api/items", "{}");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("{\"id\":4,\"name\":\"Sprocket\",\"price\":3}");
        assertThat(second.body()).isEqualTo("{\"id\":5}");
        assertThat(post("/api/items", "[1,2]").statusCode()).isEqualTo(400);
    }

    @Test
    void expectContinueIsAnswered() throws Exception {
        HttpResponse<String> res = client.send(request("/api/items").header("Content-Type", "application/json")
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Cog\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(201);
        assertThat(res.body()).endsWith("\"name\":\"Cog\"}");
    }

    @Test
    void loginTradesCredentialsForAToken() throws Exception {
        HttpResponse<String> ok = post("/api/login", "{\"username\":\"alice\",\"password\":\"secret\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).matches("\\{\"token\":\"demo-[0-9a-f]+\"}");
        assertThat(post("/api/login", "{\"username\":\"alice\",\"password\":\"secret\"}").body()).isEqualTo(ok.body());

        HttpResponse<String> missing = post("/api/login", "{\"username\":\"alice\"}");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("username and password are required");
    }

    @Test
    void slowAnswersAfterTheAskedDelay() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> res = get("/slow?ms=150");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo("{\"delayed_ms\":150}");
        assertThat(tookMs).isBetween(150L, 3000L);

        assertThat(get("/slow").body()).isEqualTo("{\"delayed_ms\":50}");
    }

    @Test
    void slowRequestsWaitSideBySideWithoutHoldingTheEventLoop() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            pending.add(client.sendAsync(request("/slow?ms=300").build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> res : pending) {
            assertThat(res.get().statusCode()).isEqualTo(200);
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        // 40 × 300 ms one after another would be 12 s; a blocked loop would serialise them.
        assertThat(tookMs).isLessThan(4000);
    }

    @Test
    void statusAnswersTheAskedCode() throws Exception {
        assertThat(get("/status/418").statusCode()).isEqualTo(418);
        assertThat(get("/status/503").body()).isEqualTo("{\"status\":503}");
        HttpResponse<String> empty = get("/status/204");
        assertThat(empty.statusCode()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();
        assertThat(empty.headers().firstValue("content-length")).isEmpty();
        assertThat(get("/status/99").statusCode()).isEqualTo(400);
        assertThat(get("/status/700").statusCode()).isEqualTo(400);
    }

    @Test
    void bytesSendsExactlyNBytes() throws Exception {
        HttpResponse<byte[]> small = client.send(request("/bytes/100").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(small.body()).hasSize(100);
        assertThat(new String(small.body(), 0, 10)).isEqualTo("abcdefghij");

        HttpResponse<byte[]> large = client.send(request("/bytes/300000").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(large.statusCode()).isEqualTo(200);
        assertThat(large.body()).hasSize(300_000);
        assertThat(large.headers().firstValue("content-length")).hasValue("300000");
        assertThat(large.body()).isEqualTo(pattern(300_000));

        assertThat(get("/bytes/0").body()).isEmpty();
        assertThat(get("/bytes/999999999").statusCode()).isEqualTo(400);
    }

    @Test
    void chunkedSendsTheSameBytesInChunks() throws Exception {
        HttpResponse<byte[]> res = client.send(request("/chunked/5000").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(res.body()).isEqualTo(pattern(5000));
    }

    private static byte[] pattern(int length) {
        byte[] expected = new byte[length];
        for (int i = 0; i < length; i++) {
            expected[i] = (byte) DemoContent.PATTERN.charAt(i % DemoContent.PATTERN.length());
        }
        return expected;
    }

    @Test
    void headersAreEchoedAsJson() throws Exception {
        HttpResponse<String> res = client.send(request("/headers").header("X-Trace", "abc \"quoted\"").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("\"X-Trace\":\"abc \\\"quoted\\\"\"").contains("\"Host\":\"127.0.0.1:" + target.port() + "\"");
    }

    @Test
    void healthSaysOk() throws Exception {
        assertThat(get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void wrongMethodIs405AndUnknownPathIs404() throws Exception {
        HttpResponse<String> res = client.send(request("/api/items").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(405);
        assertThat(res.headers().firstValue("allow")).hasValue("GET, HEAD, POST");
        assertThat(get("/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void truncatedBreaksOffMidBody() {
        assertThatThrownBy(() -> get("/truncated")).isInstanceOf(IOException.class);
    }

    @Test
    void countsRequestsPerPathTemplateAndConnections() throws Exception {
        for (int i = 0; i < 5; i++) {
            get("/api/items/" + i);
        }
        get("/health");
        get("/nope");

        assertThat(target.requestCount()).isEqualTo(7);
        assertThat(target.requestCount("/api/items/{id}")).isEqualTo(5);
        assertThat(target.requestCount("/health")).isEqualTo(1);
        assertThat(target.requestCount("*")).isEqualTo(1);
        assertThat(target.requestCount("/slow")).isZero();
        // The client kept its one connection alive across all seven requests.
        assertThat(target.connectionCount()).isEqualTo(1);

        target.reset();
        assertThat(target.requestCount()).isZero();
        assertThat(target.connectionCount()).isZero();
    }

    @Test
    void unknownTemplateIsRefusedByName() {
        assertThatThrownBy(() -> target.requestCount("/api/item/{id}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/api/item/{id}'")
                .hasMessageContaining("/api/items/{id}");
    }

    @Test
    void takenPortIsReportedWithTheAddress() {
        try (DemoTarget second = new DemoTarget(target.port())) {
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + target.port());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(target.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return client.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
