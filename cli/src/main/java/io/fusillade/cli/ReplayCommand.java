package io.fusillade.cli;

import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.http.HttpExchange;
import io.fusillade.engine.http.HttpHeader;
import io.fusillade.engine.http.HttpRequestSpec;
import io.fusillade.engine.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fusillade replay FILE}: sends a capture file's failed requests again and says, for
 * each, whether it is fixed, still failing the same way, or failing differently. Exit code 0
 * when every one is fixed, 1 otherwise.
 */
@Command(name = "replay", description = "Send captured failed requests (--capture-errors) again and report what changed.", sortOptions = false)
public final class ReplayCommand implements Callable<Integer> {
    /** What a replayed request did compared with its capture. */
    enum Verdict { FIXED, STILL_FAILING, CHANGED }

    private static final long SEQUENTIAL_DELAY_MILLIS = 100;

    @Parameters(index = "0", paramLabel = "FILE", description = "A file written by run --capture-errors.")
    Path file;

    @Option(names = "--parallel", description = "Send every request at once (default: one after another, 100 ms apart).")
    boolean parallel;

    @Option(names = "--insecure-skip-tls-verify", description = "Accept any TLS certificate.")
    boolean insecureSkipTlsVerify;

    @Override
    public Integer call() throws InterruptedException {
        List<CapturedRequest> requests;
        try {
            requests = CapturedRequest.read(file);
        } catch (IllegalArgumentException e) {
            System.err.println("fusillade replay: " + e.getMessage());
            return ExitCodes.INVALID_CONFIG;
        }
        HttpExchange[] results = new HttpExchange[requests.size()];
        try (HttpClientEngine client = new HttpClientEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(insecureSkipTlsVerify))) {
            if (parallel) {
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < requests.size(); i++) {
                    int at = i;
                    threads.add(Thread.ofVirtual().start(() -> results[at] = send(client, requests.get(at))));
                }
                for (Thread t : threads) {
                    t.join();
                }
            } else {
                for (int i = 0; i < requests.size(); i++) {
                    if (i > 0) {
                        Thread.sleep(SEQUENTIAL_DELAY_MILLIS);
                    }
                    int at = i;
                    Thread t = Thread.ofVirtual().start(() -> results[at] = send(client, requests.get(at)));
                    t.join();
                }
            }
        }
        int[] counts = new int[Verdict.values().length];
        for (int i = 0; i < requests.size(); i++) {
            CapturedRequest r = requests.get(i);
            HttpExchange now = results[i];
            Verdict verdict = verdict(r, now);
            counts[verdict.ordinal()]++;
            System.out.printf(Locale.ROOT, "%-13s #%d %s %s: was %s, now %s%n", verdict.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    i + 1, r.method(), r.url(), describe(r.status(), r.error()), now == null ? "not sent"
                            : describe(now.status(), now.failed() ? now.errorMessage() : now.statusText()));
        }
        System.out.printf(Locale.ROOT, "%nreplayed %d request(s): %d fixed, %d still failing, %d failing differently%n",
                requests.size(), counts[Verdict.FIXED.ordinal()], counts[Verdict.STILL_FAILING.ordinal()], counts[Verdict.CHANGED.ordinal()]);
        return counts[Verdict.FIXED.ordinal()] == requests.size() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    static Verdict verdict(CapturedRequest captured, HttpExchange now) {
        if (now != null && !now.failed() && now.status() < 400) {
            return Verdict.FIXED;
        }
        int status = now == null ? 0 : now.status();
        return status == captured.status() ? Verdict.STILL_FAILING : Verdict.CHANGED;
    }

    private static String describe(int status, String error) {
        return status == 0 ? "network error (" + error + ")" : status + (error == null || error.isEmpty() ? "" : " " + error);
    }

    private static HttpExchange send(HttpClientEngine client, CapturedRequest r) {
        HttpExchange out = new HttpExchange();
        try (HttpSession session = client.newSession()) {
            List<HttpHeader> headers = new ArrayList<>();
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                headers.add(new HttpHeader(h.getKey(), h.getValue()));
            }
            byte[] body = r.body() == null ? null : r.body().getBytes(StandardCharsets.UTF_8);
            session.execute(new HttpRequestSpec(r.method(), URI.create(r.url()), headers, body, HttpClientConfig.DEFAULT_TIMEOUT, false), out);
            return out;
        } catch (IllegalArgumentException e) {
            System.err.println("fusillade replay: line " + r.line() + ": " + e.getMessage());
            return null;
        }
    }
}
