package io.fusillade.aggregator.output;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --json}: newline-delimited JSON, one object per sample record and one
 * {@code "type":"aggregate"} object per second of the run (requests, failures and latency
 * percentiles of that second), then a last aggregate for the whole run. The fields of each
 * type are listed in {@code docs/outputs.md}. Times are epoch milliseconds, durations
 * milliseconds.
 *
 * <p>The stream is buffered and flushed with each aggregate, so a reader sees it a second at
 * a time. A write error (a closed pipe) stops this output, not the run.
 */
public final class NdjsonOutput implements SampleSink {
    private final LineWriter writer;
    private final StreamText text = new StreamText(NdjsonOutput::quote, NdjsonOutput::tagObject);
    private final StringBuilder line = new StringBuilder(512);
    private final PerSecond perSecond = new PerSecond(text, this::aggregate);
    private IOException failure;

    /** Writes to {@code out} (standard output); closing this output flushes it but leaves it open. */
    public NdjsonOutput(OutputStream out) {
        this.writer = new LineWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    }

    @Override
    public void onSample(SampleEvent e, boolean endOfBatch) {
        if (failure != null || e.kind == null || text.define(e)) {
            return;
        }
        perSecond.onSample(e);
        StringBuilder l = line;
        l.setLength(0);
        switch (e.kind) {
            case REQUEST -> {
                boolean failed = e.requestFailed();
                start(l, "request", e).append(",\"name\":").append(text.name(e.nameId))
                        .append(",\"method\":").append(text.name(e.methodId)).append(",\"status\":").append(e.status);
                if (e.error != ErrorCode.NONE) {
                    l.append(",\"error\":\"").append(e.error.name()).append('"');
                }
                l.append(",\"failed\":").append(failed);
                millis(l, "duration", e.durationNanos);
                millis(l, "blocked", e.blockedNanos);
                millis(l, "connecting", e.connectingNanos);
                millis(l, "tls_handshaking", e.tlsNanos);
                millis(l, "sending", e.sendingNanos);
                millis(l, "waiting", e.waitingNanos);
                millis(l, "receiving", e.receivingNanos);
                l.append(",\"bytes_sent\":").append(e.bytesSent).append(",\"bytes_received\":").append(e.bytesReceived);
                context(l, e);
            }
            case CHECK -> {
                start(l, "check", e).append(",\"name\":").append(text.name(e.nameId)).append(",\"ok\":").append(e.value != 0);
                if (e.text != null) {
                    l.append(",\"message\":").append(quote(e.text));
                }
                context(l, e);
            }
            case ITERATION -> {
                start(l, "iteration", e);
                millis(l, "duration", e.durationNanos);
                millis(l, "sleep", e.sleepNanos);
                context(l, e);
            }
            case METRIC -> {
                start(l, "metric", e).append(",\"name\":").append(text.name(e.nameId)).append(",\"metric_type\":\"")
                        .append(e.metricType == null ? "counter" : e.metricType.name().toLowerCase(Locale.ROOT)).append("\",\"value\":");
                Decimals.number(l, e.value);
                context(l, e);
            }
            case VU_GAUGE -> {
                start(l, "gauge", e).append(",\"name\":").append(text.name(e.nameId)).append(",\"value\":");
                Decimals.number(l, e.value);
            }
            case DROPPED_ITERATION -> {
                start(l, "dropped_iteration", e);
                context(l, e);
            }
            default -> {
                return;
            }
        }
        l.append("}\n");
        write(l);
    }

    private static StringBuilder start(StringBuilder l, String type, SampleEvent e) {
        l.append("{\"type\":\"").append(type).append("\",\"time\":");
        return Decimals.millis(l, e.startNanos);
    }

    private static void millis(StringBuilder l, String field, long nanos) {
        l.append(",\"").append(field).append("\":");
        Decimals.millis(l, nanos);
    }

    private void context(StringBuilder l, SampleEvent e) {
        l.append(",\"scenario\":").append(text.name(e.scenarioId)).append(",\"vu\":").append(e.vu)
                .append(",\"iteration\":").append(e.iteration).append(",\"tags\":").append(text.tags(e.tagSetId));
    }

    /** Writes one second's aggregate (or the whole run's) and flushes: readers see the stream a second at a time. */
    private void aggregate(IntervalStats stats) {
        if (failure != null) {
            return;
        }
        StringBuilder l = line;
        l.setLength(0);
        l.append("{\"type\":\"aggregate\",\"scope\":\"").append(stats.wholeRun() ? "run" : "second").append("\",\"time\":");
        Decimals.millis(l, stats.startNanos());
        l.append(",\"elapsed_s\":");
        Decimals.number(l, stats.elapsedSeconds());
        l.append(",\"requests\":").append(stats.requests()).append(",\"failed\":").append(stats.failed())
                .append(",\"iterations\":").append(stats.iterations()).append(",\"rps\":");
        Decimals.number(l, Math.round(stats.rps() * 1000) / 1000.0);
        number(l, "p50", stats.p50());
        number(l, "p90", stats.p90());
        number(l, "p95", stats.p95());
        number(l, "p99", stats.p99());
        number(l, "max", stats.max());
        number(l, "vus", stats.vus());
        l.append("}\n");
        write(l);
        flush();
    }

    private static void number(StringBuilder l, String field, double value) {
        l.append(",\"").append(field).append("\":");
        Decimals.number(l, value);
    }

    private void write(StringBuilder l) {
        if (failure != null) {
            return;
        }
        try {
            writer.write(l);
        } catch (IOException ex) {
            failure = ex;
        }
    }

    private void flush() {
        if (failure != null) {
            return;
        }
        try {
            writer.flush();
        } catch (IOException ex) {
            failure = ex;
        }
    }

    @Override
    public void onEnd() {
        perSecond.end();
        flush();
    }

    /** The write error that stopped this output, or null. Read after the stream has ended. */
    public String failure() {
        return failure == null ? null : "cannot write the --json stream: " + failure.getMessage();
    }

    /** {@code value} as a JSON string literal. */
    static String quote(String value) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
    }

    private static String tagObject(Map<String, String> tags) {
        StringBuilder out = new StringBuilder("{");
        tags.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(k)).append(':').append(quote(v)));
        return out.append('}').toString();
    }
}
