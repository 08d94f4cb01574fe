package io.fusillade.aggregator.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.aggregator.Events;
import io.fusillade.aggregator.summary.Summary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class StreamOutputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void csvHasOneRowPerSampleWithQuotedNamesAndMillisecondTimes() throws Exception {
        Path csv = work.resolve("out/samples.csv");
        Outputs outputs = Outputs.open(new Outputs.Options(false, null, List.of("csv=" + csv), null, null, null), System.out);
        RunFixture.run(RunFixture.events(), outputs);
        
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(CsvOutput.HEADER);
        int columns = CsvOutput.HEADER.split(",").length;
        List<String> requests = lines.stream().filter(l -> l.startsWith("request,")).toList();
        assertThat(requests).hasSize(RunFixture.REQUESTS + 1);
        assertThat(lines.stream().filter(l -> l.startsWith("check,"))).hasSize(RunFixture.REQUESTS / 2);
        assertThat(lines.stream().filter(l -> l.startsWith("iteration,"))).hasSize(RunFixture.REQUESTS / 2);
        assertThat(lines.stream().filter(l -> l.startsWith("vu_gauge,vus") || l.contains(",vus,"))).isNotEmpty();
        // The second request: GET "/api/items, "all"", 21 ms, status 200.
        assertThat(requests.get(1)).startsWith("request,1700000000010.000,\"/api/items, \"\"all\"\"\",GET,200,,21.000,");
        assertThat(requests.getLast()).contains(",0,ECONNREFUSED,5.000,");
        for (String line : lines) {
            assertThat(columns(line)).as(line).isEqualTo(columns);
        }
    }

    /** Counts CSV columns, honouring quotes. */
    private static int columns(String line) {
        int count = 1;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                count++;
            }
        }
        return count;
    }

    @Test
    void ndjsonHasOneObjectPerSampleAndAnAggregatePerSecond() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Outputs outputs = Outputs.open(new Outputs.Options(true, null, List.of(), null, null, null), stdout);
        assertThat(outputs.ownsStdout()).isTrue();
        Summary summary = RunFixture.run(RunFixture.events(), outputs);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        List<JsonNode> requests = lines.stream().filter(n -> n.path("type").asText().equals("request")).toList();
        assertThat(requests).hasSize(RunFixture.REQUESTS + 1);
        JsonNode second = requests.get(1);
        assertThat(second.path("name").asText()).isEqualTo("/api/items, \"all\"");
        assertThat(second.path("duration").asDouble()).isEqualTo(21.0);
        assertThat(second.path("time").asDouble()).isEqualTo(1_700_000_000_010.0);
        List<JsonNode> perSecond = lines.stream().filter(n -> n.path("scope").asText().equals("second")).toList();
        assertThat(perSecond).hasSize(20);
        assertThat(perSecond.get(3).path("requests").asLong()).isEqualTo(100);
        assertThat(perSecond.get(9).path("p50").asDouble()).isBetween(190.0, 215.0);
        assertThat(perSecond.get(16).path("failed").asLong()).isEqualTo(10);
        JsonNode run = lines.getLast();
        assertThat(run.path("scope").asText()).isEqualTo("run");
        assertThat(run.path("requests").asLong()).isEqualTo(summary.totalRequests());
        assertThat(run.path("failed").asLong()).isEqualTo(summary.failedRequests());
        assertThat(lines.stream().filter(n -> n.path("type").asText().equals("check"))).hasSize(RunFixture.REQUESTS / 2);
    }

    @Test
    void junitHasATestCasePerThresholdAndCheckThatAJunitXmlReaderUnderstands() throws Exception {
        Path xml = work.resolve("junit.xml");
        Outputs outputs = Outputs.open(new Outputs.Options(false, null, List.of("junit=" + xml), null, null, null), System.out);
        Summary summary = RunFixture.run(RunFixture.events(), outputs);
        outputs.finish(summary, "checkout.js");

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("name")).isEqualTo("checkout.js");
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element thresholds = (Element) suites.item(0);
        assertThat(thresholds.getAttribute("name")).isEqualTo("thresholds");
        assertThat(thresholds.getAttribute("tests")).isEqualTo("3");
        NodeList cases = thresholds.getElementsByTagName("testcase");
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("p95 < 500");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
        Element failed = (Element) cases.item(1);
        assertThat(failed.getAttribute("classname")).isEqualTo("thresholds.http_req_failed");
        assertThat(((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .contains("rate < 0.01", "failed", "observed");
        Element check = (Element) ((Element) suites.item(1)).getElementsByTagName("testcase").item(0);
        assertThat(check.getAttribute("name")).isEqualTo("status is 200");
        assertThat(check.getElementsByTagName("failure").item(0).getTextContent()).contains("got 503");
        assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(
                summary.thresholds().stream().filter(r -> !r.passed()).count() + 1));
    }

    @Test
    void badOutValuesAreRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> Outputs.open(new Outputs.Options(false, null, List.of("xml=a.xml"), null, null, null), System.out))
                .hasMessageContaining("--out 'xml=a.xml'").hasMessageContaining("csv=FILE, junit=FILE or otlp=URL");
        assertThatThrownBy(() -> Outputs.open(new Outputs.Options(false, null, List.of("csv="), null, null, null), System.out))
                .hasMessageContaining("csv needs a file");
        Path blocked = work.resolve("a-file");
        assertThatThrownBy(() -> {
            Files.writeString(blocked, "x");
            Outputs.open(new Outputs.Options(false, null, List.of("csv=" + blocked.resolve("x.csv")), null, null, null), System.out);
        }).hasMessageContaining("--out csv=" + blocked.resolve("x.csv"));
    }
}
