package io.fusillade.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The live progress line while a test runs: elapsed time, active VUs, requests, failures and
 * iterations. Redrawn in place every second on a terminal; on a pipe or in CI (no terminal)
 * a plain line every ten seconds, so logs stay readable.
 */
final class ProgressLine implements AutoCloseable {
    /** One reading of the run's live counters. */
    record Reading(double elapsedSeconds, int activeVus, int workers, long requests, long failed, long iterations) {
    }

    private final PrintStream out;
    private final Supplier<Reading> source;
    private final Duration planned;
    private final boolean terminal;
    private final Thread thread;
    private volatile boolean running = true;

    ProgressLine(PrintStream out, Supplier<Reading> source, Duration planned, boolean terminal) {
        this.out = out;
        this.source = source;
        this.planned = planned;
        this.terminal = terminal;
        this.thread = Thread.ofPlatform().daemon(true).name("progress").start(this::loop);
    }

    private void loop() {
        long period = terminal ? 1000 : 10_000;
        while (running) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                draw(false);
            }
        }
    }

    private synchronized void draw(boolean last) {
        Reading r = source.get();
        String plannedText = planned == null ? "" : String.format(Locale.ROOT, "/%.0fs", planned.toMillis() / 1000d);
        double rate = r.elapsedSeconds() > 0 ? r.requests() / r.elapsedSeconds() : 0;
        String line = String.format(Locale.ROOT, "running (%5.1fs%s), %d/%d VUs, %d requests (%.0f/s), %d failed, %d iterations",
                r.elapsedSeconds(), plannedText, r.activeVus(), r.workers(), r.requests(), rate, r.failed(), r.iterations());
        if (terminal) {
            out.print("\r\033[2K" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal) {
            draw(true);
        }
    }
}
