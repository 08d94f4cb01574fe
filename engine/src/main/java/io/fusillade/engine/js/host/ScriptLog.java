package io.fusillade.engine.js.host;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where scripts' {@code console.*} and {@code print} output goes, filtered by
 * {@code --log-level}. Iteration errors are reported once per distinct message so a failing
 * script cannot flood the terminal; the rest are only counted.
 */
public final class ScriptLog {
    /** Console levels, lowest first. */
    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static final int DISTINCT_ERRORS_SHOWN = 20;

    private final PrintStream out;
    private final PrintStream err;
    private final Level threshold;
    private final long startNanos = System.nanoTime();
    private final Set<String> errorsSeen = ConcurrentHashMap.newKeySet();
    private final AtomicLong iterationErrors = new AtomicLong();

    public ScriptLog(PrintStream out, PrintStream err, Level threshold) {
        this.out = out;
        this.err = err;
        this.threshold = threshold;
    }

    /** Parses a {@code --log-level} value. */
    public static Level parseLevel(String text) {
        try {
            return Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid log level '" + text + "': expected debug, info, warn or error");
        }
    }

    /** {@code print(...)}: plain text on standard output. */
    public void print(String message) {
        out.println(message);
    }

    /** A {@code console.*} line on standard error, when {@code level} passes the threshold. */
    public void console(Level level, int vu, String message) {
        if (level.ordinal() < threshold.ordinal()) {
            return;
        }
        err.printf(Locale.ROOT, "%s[%5.1fs] %s%s%n", level.name().substring(0, 4), elapsedSeconds(),
                message, vu > 0 ? "  (VU " + vu + ")" : "");
    }

    /** An exception that ended an iteration. */
    public void iterationError(int vu, String description) {
        iterationErrors.incrementAndGet();
        if (errorsSeen.size() < DISTINCT_ERRORS_SHOWN && errorsSeen.add(description)) {
            err.printf(Locale.ROOT, "ERRO[%5.1fs] %s  (VU %d; later repeats of this error are counted, not shown)%n",
                    elapsedSeconds(), description, vu);
        }
    }

    /** A warning from the engine itself. */
    public void warn(String message) {
        err.println("WARN: " + message);
    }

    /** How many iterations ended in an exception. */
    public long iterationErrors() {
        return iterationErrors.get();
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
