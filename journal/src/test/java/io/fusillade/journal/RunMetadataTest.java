package io.fusillade.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.ingest.SampleCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetadataTest {
    @TempDir
    Path tmp;

    @Test
    void metadataRoundTripsThroughPrettySnakeCaseJson() throws Exception {
        Path script = Files.writeString(tmp.resolve("script.js"), "export default function () {}\n");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("vus", 10);
        options.put("duration", "30s");
        options.put("thresholds", Map.of("http_req_duration", List.of("p(95)<500")));
        options.put("insecure_skip_tls_verify", false);
        options.put("rps", 12.5);
        RunMetadata started = RunMetadata.started("20261126-144405-3f9a", "script.js", RunMetadata.sha256(script),
                Instant.parse("2026-11-26T14:44:05.123456789Z"), "0.1.0", options);
        Path file = tmp.resolve("run.json");

        started.write(file);
        assertThat(RunMetadata.read(file)).isEqualTo(started);

        RunMetadata ended = started.ended(Instant.parse("2026-11-26T14:44:35Z"), "passed");
        ended.write(file);
        RunMetadata back = RunMetadata.read(file);
        assertThat(back).isEqualTo(ended);
        assertThat(back.journalFormatVersion()).isEqualTo(SampleCodec.FORMAT_VERSION);

        String json = Files.readString(file);
        assertThat(json).contains("\n  \"run_id\" : \"20261126-144405-3f9a\"")
                .contains("\"script_sha256\" : \"" + RunMetadata.sha256(script) + "\"")
                .contains("\"started_at\" : \"2026-11-26T14:44:05.123456789Z\"")
                .contains("\"journal_format_version\" : " + SampleCodec.FORMAT_VERSION)
                .contains("\"outcome\" : \"passed\"");
        assertThat(tmp).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void sha256IsTheScriptsDigest() throws Exception {
        Path script = Files.write(tmp.resolve("abc.js"), "abc".getBytes(StandardCharsets.UTF_8));
        assertThat(RunMetadata.sha256(script)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Path missing = tmp.resolve("missing.js");
        assertThatThrownBy(() -> RunMetadata.sha256(missing))
                .isInstanceOf(JournalException.class)
                .hasMessage("cannot hash the script " + missing + ": no such file");
    }

    @Test
    void badJsonNamesTheFileAndTheSpot() throws Exception {
        Path file = Files.writeString(tmp.resolve("run.json"), "{\n  \"run_id\": \"x\",\n  \"started_at\": \n}\n");
        assertThatThrownBy(() -> RunMetadata.read(file))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("bad run metadata in " + file + " at line 4");

        Path badInstant = Files.writeString(tmp.resolve("bad-instant.json"), "{\"started_at\": \"yesterday\"}");
        assertThatThrownBy(() -> RunMetadata.read(badInstant))
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("bad run metadata in " + badInstant)
                .hasMessageContaining("(field started_at)")
                .hasMessageContaining("yesterday");

        Path missing = tmp.resolve("none.json");
        assertThatThrownBy(() -> RunMetadata.read(missing))
                .isInstanceOf(JournalException.class)
                .hasMessage("no run metadata at " + missing + ": no such file");
    }

    @Test
    void unknownFieldsFromALaterVersionAreIgnored() throws Exception {
        Path file = Files.writeString(tmp.resolve("run.json"),
                "{\"run_id\": \"r\", \"journal_format_version\": 1, \"options\": {\"vus\": 2}, \"worker_count\": 3}");
        RunMetadata metadata = RunMetadata.read(file);
        assertThat(metadata.runId()).isEqualTo("r");
        assertThat(metadata.options()).containsEntry("vus", 2);
        assertThat(metadata.endedAt()).isNull();
    }
}
