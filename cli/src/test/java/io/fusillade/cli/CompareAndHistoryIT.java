package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fusillade.web.demo.DemoTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusillade compare} on summaries a real run exported, and {@code fusillade history} of that run. */
class CompareAndHistoryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void noHistoryYetIsOneClearLine() throws Exception {
        Launcher.Result none = Launcher.run(work, "history");
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.stderr().strip()).isEqualTo("fusillade: no run history at fusillade_history.db (runs are saved there with --save-history)");
    }

    @Test
    void aRegressionBeyondTheToleranceExits99AndAnImprovementPasses() throws Exception {
        Files.writeString(work.resolve("c.js"), """
                export const options = { workers: 1, iterations: 20 };
                export default function () { http.get(__ENV.BASE_URL + '/api/items/1'); }
                """);
        try (DemoTarget target = new DemoTarget(0).start()) {
            Launcher.Result run = Launcher.run(work, Map.of("BASE_URL", target.baseUrl()), "run", "c.js", "--headless",
                    "--export-json", "base.json", "--save-history");
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stderr()).contains("history: saved as run 1");
        }
        Launcher.Result list = Launcher.run(work, "history");
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout()).contains("ID", "c.js", "passed").containsPattern("\\n\\s+1\\s+\\d{4}-");
        Launcher.Result show = Launcher.run(work, "history", "--show", "1");
        assertThat(show.exitCode()).as(show.all()).isZero();
        assertThat(show.stdout()).contains("run 1: c.js", "requests:   20", "endpoints:");
        assertThat(Launcher.run(work, "history", "--show", "7").stderr()).contains("no run 7 in fusillade_history.db");

        Launcher.Result same = Launcher.run(work, "compare", "base.json", "base.json");
        assertThat(same.exitCode()).as(same.all()).isZero();
        assertThat(same.stdout()).contains("http_req_duration p95", "GET ", "no regression beyond the 10% tolerance");

        ObjectNode slower = (ObjectNode) JSON.readTree(work.resolve("base.json").toFile());
        slower.put("p95", slower.path("p95").asDouble() * 1.5);
        JSON.writeValue(work.resolve("slower.json").toFile(), slower);
        Launcher.Result worse = Launcher.run(work, "compare", "base.json", "slower.json", "--tolerance", "20");
        assertThat(worse.exitCode()).as(worse.all()).isEqualTo(99);
        assertThat(worse.stdout()).contains("+50.0%", "regression", "1 regression(s) beyond the 20% tolerance");
        Launcher.Result better = Launcher.run(work, "compare", "slower.json", "base.json");
        assertThat(better.exitCode()).as(better.all()).isZero();
        assertThat(better.stdout()).contains("-33.3%", "better");

        Launcher.Result missing = Launcher.run(work, "compare", "base.json", "nope.json");
        assertThat(missing.exitCode()).isEqualTo(104);
        assertThat(missing.stderr().strip()).isEqualTo("fusillade: cannot read nope.json: no such file");
    }
}
