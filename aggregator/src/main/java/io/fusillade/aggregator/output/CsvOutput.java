package io.fusillade.aggregator.output;

import io.fusillade.ingest.ErrorCode;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --out csv=FILE}: one row per sample record (request, check, iteration, custom metric
 * sample, VU gauge reading, dropped iteration), columns as {@code docs/outputs.md} lists them.
 * Times are epoch milliseconds and durations milliseconds, both with microsecond decimals.
 *
 * <p>A write error (a full disk) stops this output, not the run; {@link #failure()} reports it.
 */
public final class CsvOutput implements SampleSink {
    /** The header row. */
    public static final String HEADER = "kind,timestamp,name,method,status,error,duration_ms,blocked_ms,connecting_ms,"
            + "tls_handshaking_ms,sending_ms,waiting_ms,receiving_ms,bytes_sent,bytes_received,scenario,vu,iteration,tags,value";

    private final Path file;
    private final LineWriter writer;
    private final StreamText text = new StreamText(CsvOutput::field,
            CsvOutput::tags);
    /** The comma that closes the error column, then the seven timing columns empty. */
    private static final String NO_TIMINGS = ",,,,,,,,";

    private final StringBuilder row = new StringBuilder(256);
    private IOException failure;

    /**
     * Creates (or replaces) {@code file} and writes the header.
     *
     * @throws IOException naming the file when it cannot be created
     */
    public CsvOutput(Path file) throws IOException {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
            out.write(HEADER);
            out.write('\n');
            this.writer = new LineWriter(out);
        } catch (IOException e) {
            throw new IOException("cannot create the CSV output " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onSample(SampleEvent e, boolean endOfBatch) {
        if (failure != null || e.kind == null || text.define(e)) {
            return;
        }
        StringBuilder r = row;
        r.setLength(0);
        switch (e.kind) {
            case REQUEST -> {
                head(r, "request", e, text.name(e.nameId)).append(text.name(e.methodId)).append(',').append(e.status).append(',');
                if (e.error != ErrorCode.NONE) {
                    r.append(e.error.name());
                }
                r.append(',');
                Decimals.millis(r, e.durationNanos).append(',');
                Decimals.millis(r, e.blockedNanos).append(',');
                Decimals.millis(r, e.connectingNanos).append(',');
                Decimals.millis(r, e.tlsNanos).append(',');
                Decimals.millis(r, e.sendingNanos).append(',');
                Decimals.millis(r, e.waitingNanos).append(',');
                Decimals.millis(r, e.receivingNanos).append(',');
                r.append(e.bytesSent).append(',').append(e.bytesReceived).append(',');
                tail(r, e);
            }
            case CHECK -> {
                head(r, "check", e, text.name(e.nameId)).append(",,").append(e.text == null ? "" : field(e.text))
                        .append(NO_TIMINGS).append(",,");
                tail(r, e).append(e.value != 0 ? '1' : '0');
            }
            case ITERATION -> {
                head(r, "iteration", e, "").append(",,,");
                Decimals.millis(r, e.durationNanos).append(",,,,,,,,,");
                Decimals.millis(tail(r, e), e.sleepNanos);
            }
            case METRIC -> {
                String kind = e.metricType == null ? "counter" : e.metricType.name().toLowerCase(Locale.ROOT);
                head(r, kind, e, text.name(e.nameId)).append(",,").append(NO_TIMINGS).append(",,");
                Decimals.number(tail(r, e), e.value);
            }
            case VU_GAUGE -> {
                head(r, "vu_gauge", e, text.name(e.nameId)).append(",,").append(NO_TIMINGS).append(",,");
                Decimals.number(tail(r, e), e.value);
            }
            case DROPPED_ITERATION -> {
                head(r, "dropped_iteration", e, "").append(",,").append(NO_TIMINGS).append(",,");
                tail(r, e).append('1');
            }
            default -> {
                return;
            }
        }
        r.append('\n');
        try {
            writer.write(r);
        } catch (IOException ex) {
            failure = ex;
        }
    }

    /** kind, timestamp and name, each followed by its comma. */
    private static StringBuilder head(StringBuilder r, String kind, SampleEvent e, String name) {
        r.append(kind).append(',');
        return Decimals.millis(r, e.startNanos).append(',').append(name).append(',');
    }

    /** scenario, vu, iteration and tags, each followed by its comma: what is left is the value. */
    private StringBuilder tail(StringBuilder r, SampleEvent e) {
        return r.append(text.name(e.scenarioId)).append(',').append(e.vu).append(',').append(e.iteration).append(',')
                .append(text.tags(e.tagSetId)).append(',');
    }

    @Override
    public void onEnd() {
        try {
            writer.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    /** The write error that stopped this output, or null. Read after the stream has ended. */
    public String failure() {
        return failure == null ? null : "cannot write the CSV output " + file + ": " + failure.getMessage();
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    static String field(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    static String tags(Map<String, String> tags) {
        return field(tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")));
    }
}
