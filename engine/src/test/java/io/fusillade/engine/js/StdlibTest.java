package io.fusillade.engine.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fusillade.engine.js.stdlib.TestResult;
import io.fusillade.engine.testing.ScriptHarness;
import io.fusillade.ingest.MetricType;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The standard library's globals, as a script sees them. */
class StdlibTest {
    @RegisterExtension
    static final ScriptHarness harness = new ScriptHarness();

    @Test
    void openReadsFilesNextToTheScriptOnlyDuringInit() throws IOException {
        Files.createDirectories(harness.dir().resolve("data"));
        Files.writeString(harness.dir().resolve("data/users.json"), "[{\"name\":\"ann\"},{\"name\":\"bob\"}]");
        ScriptHarness.Run run = harness.run("""
                const users = JSON.parse(open('./data/users.json'));
                const bytes = open('data/users.json', 'b');
                export default function () {
                  print(`users=${users.length} bytes=${bytes.byteLength}`);
                  open('./data/users.json');
                }
                """, 1, 1);
        assertThat(run.stdout()).contains("users=2 bytes=31");
        assertThat(run.errors()).singleElement().asString().contains("test.js:5:").contains("only available in the init context");

        assertThatThrownBy(() -> harness.run("open('missing.txt');\nexport default function () {}\n", 1, 1))
                .isInstanceOf(ScriptException.class).hasMessageContaining("test.js:1:").hasMessageContaining("file not found");
    }

    @Test
    void sharedArrayIsBuiltOnceAndReadByEveryVu() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const data = new SharedArray('numbers', () => {
                  print('building');
                  return Array.from({ length: 1000 }, (_, i) => ({ id: i, tag: 't' + i }));
                });
                export default function () {
                  const sum = data.reduce((n, x) => n + x.id, 0);
                  let seen = 0;
                  for (const item of data) { seen++; }
                  print(`vu=${__VU} length=${data.length} last=${data[999].tag} sum=${sum} seen=${seen} array=${Array.isArray(data)}`);
                  data[0] = 'x';
                }
                """, 3, 1);
        assertThat(run.stdout().lines().filter(l -> l.equals("building"))).hasSize(1);
        assertThat(run.stdout()).contains("vu=1 length=1000 last=t999 sum=499500 seen=1000", "vu=3 length=1000 last=t999");
        assertThat(run.errors()).hasSize(3).allSatisfy(e -> assertThat(e).contains("read-only"));
    }

    @Test
    void sharedCsvParsesHeadersQuotesAndRows() throws IOException {
        Files.writeString(harness.dir().resolve("users.csv"), "email,password,name\nuser1@example.com,pass123,John\n\"u2@example.com\",\"p,\"\"4\",Jane\n");
        ScriptHarness.Run run = harness.run("""
                const users = new SharedCSV('./users.csv');
                export default function () {
                  const second = users.get(1);
                  print(`rows=${users.length} headers=${users.headers.join('|')} first=${users.get(0).name} pw=${second.password}`);
                  print(`random=${['John', 'Jane'].includes(users.random().name)}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("rows=2 headers=email|password|name first=John pw=p,\"4", "random=true");
    }

    @Test
    void cryptoEncodingAndUtilsGlobals() throws IOException {
        ScriptHarness.Run run = harness.run("""
                export default function () {
                  print(`md5=${crypto.md5('abc')} sha1=${crypto.sha1('abc')}`);
                  print(`sha256=${crypto.sha256('abc')}`);
                  print(`hmac=${crypto.hmac('md5', 'key', 'The quick brown fox jumps over the lazy dog')}`);
                  print(`b64=${encoding.b64encode('user:pass')} back=${encoding.b64decode('dXNlcjpwYXNz')}`);
                  const id = utils.uuid();
                  print(`uuid=${/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)}`);
                  const n = utils.randomInt(5, 7);
                  print(`int=${n >= 5 && n <= 7 && Number.isInteger(n)} str=${utils.randomString(12).length} item=${utils.randomItem(['x'])}`);
                  print(`email=${/^[a-z0-9]{8}@test\\.com$/.test(utils.randomEmail())} phone=${/^\\+1-555-\\d{3}-\\d{4}$/.test(utils.randomPhone())}`);
                  const name = utils.randomName();
                  const date = utils.randomDate(1970, 1970);
                  print(`name=${name.full === name.first + ' ' + name.last} date=${date.startsWith('1970-')} seq=${utils.sequentialId() < utils.sequentialId()}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("md5=900150983cd24fb0d6963f7d28e17f72 sha1=a9993e364706816aba3e25717850c26c9cd0d89d",
                "sha256=ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "hmac=80070713463e7749b90c2dc24911e275", "b64=dXNlcjpwYXNz back=user:pass", "uuid=true",
                "int=true str=12 item=x", "email=true phone=true", "name=true date=true seq=true");
    }

    @Test
    void segmentsMetricsAndConsoleTable() throws IOException {
        ScriptHarness.Run run = harness.run("""
                export default function () {
                  segment('Login Flow', () => {
                    http.get(`${__ENV.BASE_URL}/api/items/1`);
                    segment('Dashboard', () => {
                      http.get(`${__ENV.BASE_URL}/api/items/2`, { tags: { page: 'dash' } });
                      metrics.histogramAdd('checkout_duration', 42);
                    });
                  });
                  metrics.counterAdd('items_sold', 3);
                  metrics.rateAdd('payment_success', true);
                  metrics.gaugeSet('queue_depth', 9, { queue: 'a' });
                  sleepRandom(0.001, 0.002);
                  __VU_STATE.count = (__VU_STATE.count || 0) + 1;
                  print(`scenario=${__SCENARIO} state=${__VU_STATE.count}`);
                  console.table([{ name: 'Alice', score: 95 }, { name: 'Bob', score: 87 }]);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        ScriptHarness.Collector c = run.collected();
        List<SampleEvent> requests = c.of(SampleKind.REQUEST);
        assertThat(c.tags(requests.get(0))).isEqualTo(Map.of("group", "::Login Flow"));
        assertThat(c.tags(requests.get(1))).isEqualTo(Map.of("group", "::Login Flow::Dashboard", "page", "dash"));
        List<SampleEvent> metrics = c.of(SampleKind.METRIC);
        assertThat(metrics).filteredOn(m -> c.name(m).equals("checkout_duration")).singleElement()
                .satisfies(m -> assertThat(c.tags(m)).containsEntry("group", "::Login Flow::Dashboard"));
        assertThat(metrics).filteredOn(m -> c.name(m).equals("items_sold")).singleElement()
                .satisfies(m -> assertThat(m.value).isEqualTo(3));
        assertThat(metrics).filteredOn(m -> c.name(m).equals("payment_success")).singleElement()
                .satisfies(m -> assertThat(m.metricType).isEqualTo(MetricType.RATE));
        assertThat(metrics).filteredOn(m -> c.name(m).equals("queue_depth")).singleElement()
                .satisfies(m -> assertThat(c.tags(m)).containsEntry("queue", "a"));
        assertThat(c.of(SampleKind.ITERATION)).isEmpty();
        assertThat(run.stderr()).contains("│ (index) │ name  │ score │", "│ 1       │ Bob   │ 87    │");
        assertThat(run.stdout()).contains("scenario=default state=1");
    }

    @Test
    void unitTestsReportEachResultAndAreSkippedInALoadTest() throws IOException {
        String source = """
                const total = (price, n) => price * n;
                describe('Cart Logic', () => {
                  test('calculates total correctly', () => { expect(total(100, 2)).toBe(200); });
                  test('compares deeply', () => { expect({ a: [1, 2] }).toEqual({ a: [1, 2] }); });
                  test('fails clearly', () => { expect(total(1, 1)).toBe(2); });
                });
                test('truthy', () => expect('x').toBeTruthy());
                export default function () {}
                """;
        assertThat(harness.run(source, 1, 1).shared().testResults()).isEmpty();
        ScriptHarness.Run run = harness.runTests(source);
        assertThat(run.shared().testResults()).extracting(TestResult::name, TestResult::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Cart Logic › calculates total correctly", true),
                org.assertj.core.groups.Tuple.tuple("Cart Logic › compares deeply", true),
                org.assertj.core.groups.Tuple.tuple("Cart Logic › fails clearly", false),
                org.assertj.core.groups.Tuple.tuple("truthy", true));
        assertThat(run.shared().testResults().get(2).message()).isEqualTo("expected 1 to be 2");
    }
}
