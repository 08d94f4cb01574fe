package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** httpVersion as a script option and as --http-version, through the launcher, against the demo target's h2c. */
class Http2IT extends LauncherTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scriptOptionAndFlagChooseHttp2() throws Exception {
        Files.writeString(work.resolve("h2.js"), """
                export const options = { workers: 2, iterations: 5, httpVersion: '2' };
                export default function () {
                  const r = http.get(__ENV.BASE_URL + '/api/items/1');
                  if (__ITERATION === 0) { print(`vu${__VU} proto=${r.proto} status=${r.status}`); }
                }
                """);
        target.reset();
        Launcher.Result h2 = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()),
                "run", "h2.js", "--headless", "--export-json", "h2.json");
        assertThat(h2.exitCode()).as(h2.all()).isZero();
        assertThat(h2.stdout()).contains("vu1 proto=h2 status=200", "vu2 proto=h2 status=200");
        JsonNode summary = JSON.readTree(work.resolve("h2.json").toFile());
        assertThat(summary.path("total_requests").asLong()).isEqualTo(10);
        assertThat(summary.path("total_errors").asLong()).isZero();
        // One multiplexed connection per VU.
        assertThat(target.connectionCount()).isEqualTo(2);

        // The flag wins over the script's option.
        target.reset();
        Launcher.Result h1 = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()),
                "run", "h2.js", "--headless", "--http-version", "1.1");
        assertThat(h1.exitCode()).as(h1.all()).isZero();
        assertThat(h1.stdout()).contains("vu1 proto=h1 status=200");
    }

    @Test
    void badVersionsAreOneClearMessage() throws Exception {
        Files.writeString(work.resolve("plain.js"), """
                export default function () { http.get(__ENV.BASE_URL + '/health'); }
                """);
        Launcher.Result flag = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()),
                "run", "plain.js", "--headless", "--http-version", "3");
        assertThat(flag.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(flag.stderr()).contains("--http-version").contains("'auto', '1.1' or '2'").doesNotContain("\tat ");

        Files.writeString(work.resolve("bad.js"), """
                export const options = { http_version: 'spdy' };
                export default function () { http.get(__ENV.BASE_URL + '/health'); }
                """);
        Launcher.Result option = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "bad.js", "--headless");
        assertThat(option.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(option.stderr()).contains("http_version").contains("spdy").doesNotContain("\tat ");

        Files.writeString(work.resolve("tls.js"), """
                export const options = { tlsVersion: 'tls9', tlsAuth: [{ domains: ['example.com'], cert: 'x', key: 'y' }] };
                export default function () { http.get(__ENV.BASE_URL + '/health'); }
                """);
        Launcher.Result tls = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "tls.js", "--headless");
        assertThat(tls.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(tls.stderr()).contains("tlsVersion").contains("tls1.2").doesNotContain("\tat ");
    }
}
