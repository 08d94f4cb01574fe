package io.fusillade.engine.js.modules.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.testing.ScriptHarness;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redirects, cookies, retries, URL naming and the http helpers, against a real server on 127.0.0.1. */
class HttpFeaturesTest {
    @RegisterExtension
    static final ScriptHarness harness = new ScriptHarness();

    @BeforeEach
    void reset() {
        harness.local().target().reset();
    }

    private List<String> requestNames(ScriptHarness.Run run) {
        return run.collected().of(SampleKind.REQUEST).stream().map(e -> run.collected().name(e)).toList();
    }

    @Test
    void redirectsAreFollowedHopByHopUpToTheLimit() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  const r = http.get(`${B}/redirect/3`);
                  print(`followed status=${r.status} url=${r.url.replace(B, '')} redirected=${r.json().redirected}`);
                  const p = http.post(`${B}/redirect/1?code=307`, 'payload');
                  print(`307 ${p.json().method} ${p.json().body}`);
                  const g = http.post(`${B}/redirect/1?code=302`, 'payload');
                  print(`302 ${g.json().method} body=[${g.json().body}]`);
                  const n = http.get(`${B}/redirect/2`, { followRedirects: false });
                  print(`not followed status=${n.status} location=${n.headers['Location']}`);
                  const m = http.get(`${B}/redirect/9`, { maxRedirects: 2 });
                  print(`limited status=${m.status} url=${m.url.replace(B, '')}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("followed status=200 url=/redirect/0 redirected=true", "307 POST payload",
                "302 GET body=[]", "not followed status=302 location=/redirect/1", "limited status=302 url=/redirect/7");
        // Every hop is a request of its own: 4 + 2 + 2 + 1 + 3.
        assertThat(run.collected().of(SampleKind.REQUEST)).hasSize(12);
        assertThat(harness.local().target().requestCount()).isEqualTo(12);
    }

    @Test
    void cookiesAreKeptPerVuAndSentBackWhereTheyBelong() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  const set = http.get(`${B}/cookies/set?session=vu${__VU}&theme=dark`);
                  print(`set cookies=${Object.keys(set.cookies).sort().join(',')} session=${set.cookies.session.value} path=${set.cookies.session.path}`);
                  const seen = http.get(`${B}/cookies`).json();
                  print(`vu${__VU} sent session=${seen.session} theme=${seen.theme}`);
                  const jar = http.cookieJar();
                  jar.set(B, 'extra', 'x1', { path: '/cookies' });
                  print(`jar get=${jar.get(B + '/cookies', 'extra').value} count=${jar.cookiesForUrl(B + '/cookies').length}`);
                  print(`k6 form ${JSON.stringify(jar.cookiesForURL(B + '/cookies'))}`);
                  jar.delete(B + '/cookies', 'theme');
                  const after = http.get(`${B}/cookies`).json();
                  print(`after delete ${JSON.stringify(after)}`);
                  jar.clear();
                  print(`after clear ${JSON.stringify(http.get(`${B}/cookies`).json())}`);
                }
                """, 2, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("set cookies=session,theme session=vu1 path=/", "vu1 sent session=vu1 theme=dark",
                "vu2 sent session=vu2 theme=dark", "jar get=x1 count=3", "k6 form {\"extra\":[\"x1\"],\"session\":[\"vu1\"],\"theme\":[\"dark\"]}",
                "after delete {\"extra\":\"x1\",\"session\":\"vu1\"}", "after clear {}");
    }

    @Test
    void retriesBackOffUntilTheServerRecoversAndRetryOnDecides() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  const t = Date.now();
                  const r = http.get(`${B}/flaky/3`, { retry: 3, retryDelay: 20 });
                  print(`recovered status=${r.status} attempt=${r.json().attempt} waited=${Date.now() - t >= 60}`);
                  const gaveUp = http.get(`${B}/status/500`, { retry: 2, retryDelayFn: (n) => n * 5 });
                  print(`gave up status=${gaveUp.status}`);
                  const custom = http.get(`${B}/status/404`, { retry: 2, retryDelay: 1, retryOn: (res) => res.status === 404 });
                  print(`custom status=${custom.status}`);
                  const none = http.get(`${B}/status/404`, { retry: 5, retryDelay: 1 });
                  print(`client errors are not retried status=${none.status}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("recovered status=200 attempt=3 waited=true", "gave up status=500", "custom status=404",
                "client errors are not retried status=404");
        // 3 + 3 + 3 + 1 exchanges, each recorded.
        assertThat(run.collected().of(SampleKind.REQUEST)).hasSize(10);
        List<Integer> statuses = run.collected().of(SampleKind.REQUEST).stream().map(e -> e.status).limit(3).toList();
        assertThat(statuses).containsExactly(503, 503, 200);
    }

    @Test
    void urlsWithIdentifiersShareOneMetricNameUnlessNamed() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  http.get(`${B}/api/items/1`);
                  http.get(`${B}/api/items/2`);
                  http.get(`${B}/api/items/3`, { name: 'ThirdItem' });
                  http.get(`${B}/api/items`);
                }
                """, 1, 1);
        String base = harness.local().target().baseUrl();
        assertThat(requestNames(run)).containsExactly(base + "/api/items/:id", base + "/api/items/:id", "ThirdItem",
                base + "/api/items");
    }

    @Test
    void helpersBuildUrlsFormsAndAuthorizationHeaders() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  print(http.url('http://example.test/search', { q: 'a b&c', page: 1, tag: ['x', 'y'] }));
                  print(http.url('http://example.test/search?x=1', { page: 2 }));
                  print(http.formEncode({ username: 'user one', password: 'p@ss' }));
                  const seen = http.get(`${B}/headers`, { headers: { Authorization: http.basicAuth('user', 'pass') } }).json();
                  print(`auth=${seen.Authorization}`);
                  print(http.bearerToken('abc'));
                  const r = http.get(`${B}/api/items`);
                  print(`matches=${r.bodyMatches(/widget/i)} string=${r.bodyMatches('"id":\\\\s*1')} no=${r.bodyMatches(/nothing-here/)}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("http://example.test/search?q=a%20b%26c&page=1&tag=x&tag=y",
                "http://example.test/search?x=1&page=2", "username=user+one&password=p%40ss",
                "auth=Basic dXNlcjpwYXNz", "Bearer abc", "matches=true string=true no=false");
    }

    @Test
    void filesAndFormDataGoAsMultipartPartsTheServerDecodes() throws IOException {
        java.nio.file.Files.writeString(harness.dir().resolve("upload.txt"), "hello from a file");
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  const fd = new FormData();
                  fd.append('field', 'value');
                  fd.append('file', http.file('./upload.txt', 'upload.txt', 'text/plain'));
                  const r = http.post(`${B}/upload`, fd.body(), { headers: { 'Content-Type': fd.contentType() } });
                  print(`formdata ${r.status} ${JSON.stringify(r.json())}`);
                  const auto = http.post(`${B}/upload`, { note: 'n1', doc: http.file('inline content', 'doc.bin') });
                  print(`auto ${auto.status} ${JSON.stringify(auto.json())}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("formdata 200 {\"field\":{\"text\":\"value\"},\"file\":{\"filename\":\"upload.txt\","
                        + "\"contentType\":\"text/plain\",\"size\":17,\"text\":\"hello from a file\"}}",
                "auto 200 {\"note\":{\"text\":\"n1\"},\"doc\":{\"filename\":\"doc.bin\",\"contentType\":\"application/octet-stream\","
                        + "\"size\":14,\"text\":\"inline content\"}}");
    }

    @Test
    void defaultsAndHooksApplyToEveryRequestUntilCleared() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  http.setDefaults({ headers: { 'X-Api-Key': 'k1', Accept: 'application/json' }, timeout: '5s' });
                  const seen = http.get(`${B}/headers`, { headers: { Accept: 'text/plain' } }).json();
                  print(`defaults key=${seen['X-Api-Key']} accept=${seen.Accept}`);
                  const log = [];
                  http.addHook('beforeRequest', (req) => { log.push(`${req.method} ${req.url.replace(B, '')}`); req.headers['X-Trace'] = 't1'; });
                  http.addHook('afterResponse', (res) => log.push(`got ${res.status}`));
                  const traced = http.get(`${B}/headers`).json();
                  print(`hooked trace=${traced['X-Trace']} key=${traced['X-Api-Key']} log=${log.join('|')}`);
                  http.clearHooks();
                  http.setDefaults(null);
                  const plain = http.get(`${B}/headers`).json();
                  print(`cleared trace=${plain['X-Trace']} key=${plain['X-Api-Key']} log=${log.length}`);
                  try { http.addHook('onError', () => {}); } catch (e) { print(e.message); }
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("defaults key=k1 accept=text/plain", "hooked trace=t1 key=k1 log=GET /headers|got 200",
                "cleared trace=undefined key=undefined log=2", "unknown hook 'onError'");
    }

    @Test
    void batchSendsInParallelAndAnswersInOrder() throws IOException {
        ScriptHarness.Run run = harness.run("""
                const B = __ENV.BASE_URL;
                export default function () {
                  const slow = Array.from({ length: 10 }, () => ['GET', `${B}/slow`]);
                  const t = Date.now();
                  const rs = http.batch(slow);
                  print(`slow ${rs.length} all200=${rs.every((r) => r.status === 200)} ms=${Date.now() - t}`);
                  const mixed = http.batch([
                    `${B}/api/items/1`,
                    ['POST', `${B}/api/items`, JSON.stringify({ name: 'n', quantity: 1 }), { headers: { 'Content-Type': 'application/json' } }],
                    { method: 'GET', url: `${B}/redirect/2`, params: { name: 'hops' } },
                    { method: 'GET', url: `${B}/status/404` },
                  ]);
                  print(`mixed ${mixed.map((r) => r.status).join(',')} id=${mixed[0].json().id} url=${mixed[2].url.replace(B, '')}`);
                  const keyed = http.batch({ health: `${B}/health`, item: `${B}/api/items/2` });
                  print(`keyed ${keyed.health.status} ${keyed.item.json().id}`);
                }
                """, 1, 1);
        assertThat(run.errors()).isEmpty();
        assertThat(run.stdout()).contains("slow 10 all200=true", "mixed 200,201,200,404 id=1 url=/redirect/0", "keyed 200 2");
        long ms = Long.parseLong(run.stdout().replaceAll("(?s).*slow 10 all200=true ms=(\\d+).*", "$1"));
        // One after another they would take at least 10 x 50 ms.
        assertThat(ms).isLessThan(450);
        // 10 + 1 + 1 + 3 hops + 1 + 2 exchanges, each a sample.
        assertThat(run.collected().of(SampleKind.REQUEST)).hasSize(18);
        assertThat(harness.local().target().connectionCount()).isGreaterThanOrEqualTo(10);
    }
}
