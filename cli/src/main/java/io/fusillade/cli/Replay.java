package io.fusillade.cli;

import io.fusillade.engine.http.HttpClientConfig;
import io.fusillade.engine.http.HttpClientEngine;
import io.fusillade.engine.http.HttpExchange;
import io.fusillade.engine.http.HttpHeader;
import io.fusillade.engine.http.HttpRequestSpec;
import io.fusillade.engine.http.HttpSession;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code fusillade replay} does: send captured requests again and compare the outcomes. */
final class Replay {
    /** What a replayed request did compared with its capture. */
    enum Verdict { FIXED, STILL_FAILING, CHANGED }

    private static final long SEQUENTIAL_DELAY_MILLIS = 100;

    private Replay() {
    }

    /** Replays {@code requests}, prints one line each and a tally to {@code out}; the exit code (0 when all are fixed). */
    static int run(List<CapturedRequest> requests, boolean parallel, boolean insecureSkipTlsVerify, PrintStream out)
            throws InterruptedException {
        HttpExchange[] results = new HttpExchange[requests.size()];
        try (HttpClientEngine client = new HttpClientEngine(HttpClientConfig.defaults().withInsecureSkipTlsVerify(insecureSkipTlsVerify))) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                int at = i;
                if (!parallel && i > 0) {
                    Thread.sleep(SEQUENTIAL_DELAY_MILLIS);
                }
                Thread t = Thread.ofVirtual().start(() -> results[at] = send(client, requests.get(at)));
                if (parallel) {
                    threads.add(t);
                } else {
                    t.join();
                }
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        int[] counts = new int[Verdict.values().length];
        for (int i = 0; i < requests.size(); i++) {
            CapturedRequest r = requests.get(i);
            HttpExchange now = results[i];
            Verdict verdict = verdict(r, now);
            counts[verdict.ordinal()]++;
            out.printf(Locale.ROOT, "%-13s #%d %s %s: was %s, now %s%n", verdict.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    i + 1, r.method(), r.url(), describe(r.status(), r.error()), now == null ? "not sent"
                            : describe(now.status(), now.failed() ? now.errorMessage() : now.statusText()));
        }
        out.printf(Locale.ROOT, "%nreplayed %d request(s): %d fixed, %d still failing, %d failing differently%n",
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
