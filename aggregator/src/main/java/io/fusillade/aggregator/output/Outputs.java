package io.fusillade.aggregator.output;

import io.fusillade.aggregator.history.HistoryEntry;
import io.fusillade.aggregator.history.HistoryException;
import io.fusillade.aggregator.history.RunHistory;
import io.fusillade.aggregator.summary.Summary;
import io.fusillade.ingest.SampleSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A run's outputs beyond the console summary, built from the command line: those that read
 * the sample stream ({@code --json}, {@code --out csv=}, and the timeline behind
 * {@code --export-html}) become one ring consumer, and those written from the end-of-run
 * summary ({@code --export-html}, {@code --out junit=}) are written by {@link #finish}.
 * {@code run} and {@code analyze} build it the same way, so a report regenerated from a
 * journal is the one the live run wrote.
 */
public final class Outputs {
    /**
     * What the command line asked for.
     *
     * @param json NDJSON to standard output
     * @param exportHtml the HTML report's file, or null
     * @param out the {@code --out} values, e.g. {@code csv=samples.csv}
     * @param historyDb with {@code --save-history}, the SQLite file the run is saved in; else null
     * @param metricsUrl {@code --metrics-url}, or null
     * @param metricsAuth {@code --metrics-auth} ({@code Header: value}), or null
     */
    public record Options(boolean json, Path exportHtml, List<String> out, Path historyDb, String metricsUrl, String metricsAuth) {
        public Options {
            out = List.copyOf(out);
        }

        /** No outputs. */
        public static Options none() {
            return new Options(false, null, List.of(), null, null, null);
        }
    }

    private final Path html;
    private final Path historyDb;
    private final MetricsPush push;
    private final OtlpOutput[] otlp;
    private final List<Path> junit;
    private final Timeline timeline;
    private final CsvOutput[] csv;
    private final NdjsonOutput ndjson;
    private final List<SampleSink> sinks;

    private Outputs(Path html, List<Path> junit, Timeline timeline, CsvOutput[] csv, NdjsonOutput ndjson, Path historyDb,
                    MetricsPush push, OtlpOutput[] otlp) {
        this.html = html;
        this.otlp = otlp;
        this.historyDb = historyDb;
        this.push = push;
        this.junit = junit;
        this.timeline = timeline;
        this.csv = csv;
        this.ndjson = ndjson;
        List<SampleSink> streaming = Stream.of(Stream.of(timeline, ndjson, push), Stream.of(csv), Stream.of(otlp)).flatMap(s -> s)
                .filter(Objects::nonNull).map(SampleSink.class::cast).toList();
        this.sinks = streaming.isEmpty() ? List.of() : List.of(new SinkGroup(streaming));
    }

    /**
     * Checks {@code options} and creates the stream outputs' files.
     *
     * @param stdout where {@code --json} writes
     * @throws IllegalArgumentException for a bad {@code --out} value or a file that cannot be created, naming it
     */
    public static Outputs open(Options options, OutputStream stdout) {
        if (options.metricsAuth() != null && options.metricsUrl() == null) {
            throw new IllegalArgumentException("--metrics-auth needs --metrics-url");
        }
        MetricsPush push = options.metricsUrl() == null ? null : MetricsPush.to(options.metricsUrl(), options.metricsAuth());
        List<Path> csvFiles = new ArrayList<>();
        List<Path> junit = new ArrayList<>();
        List<OtlpOutput> otlp = new ArrayList<>();
        for (String spec : options.out()) {
            switch (OutputTarget.parse(spec)) {
                case OutputTarget.Csv c -> csvFiles.add(c.file());
                case OutputTarget.Junit j -> junit.add(j.file());
                case OutputTarget.Otlp o -> otlp.add(OtlpOutput.to(o.url()));
            }
        }
        CsvOutput[] csv = new CsvOutput[csvFiles.size()];
        for (int i = 0; i < csv.length; i++) {
            try {
                csv[i] = new CsvOutput(csvFiles.get(i));
            } catch (IOException e) {
                throw new IllegalArgumentException("--out csv=" + csvFiles.get(i) + ": " + e.getMessage(), e);
            }
        }
        return new Outputs(options.exportHtml(), List.copyOf(junit), options.exportHtml() == null ? null : new Timeline(),
                csv, options.json() ? new NdjsonOutput(stdout) : null, options.historyDb(), push,
                otlp.toArray(new OtlpOutput[0]));
    }

    /** The ring consumers these outputs need: none, or one that feeds them all. */
    public List<SampleSink> sinks() {
        return sinks;
    }

    /** {@code primaries} (the aggregators) and these outputs as one sink, for replaying a journal into all of them. */
    public SampleSink feeding(SampleSink... primaries) {
        List<SampleSink> all = new ArrayList<>(List.of(primaries));
        all.addAll(sinks);
        return new SinkGroup(all);
    }

    /**
     * With {@code --save-history}: saves the run in the history database.
     *
     * @return the id the run was saved under; empty without {@code --save-history}
     * @throws HistoryException naming the database when it cannot be written
     */
    public OptionalLong saveHistory(Summary summary, String script, String runDirectory, String outcome) {
        if (historyDb == null) {
            return OptionalLong.empty();
        }
        try (RunHistory history = RunHistory.open(historyDb, true)) {
            return OptionalLong.of(history.save(HistoryEntry.of(summary, script, runDirectory, outcome)));
        }
    }

    /** True when {@code --json} owns standard output, so the human summary should go elsewhere. */
    public boolean ownsStdout() {
        return ndjson != null;
    }

    /**
     * Writes the summary reports; call after the stream has ended (the ring is closed or the
     * journal replayed).
     *
     * @param title the report's heading: the script's path
     * @return the files written, and notes on what did not go quite right but fails nothing
     * @throws IOException naming each output that could not be written or delivered; the others still are
     */
    public Finished finish(Summary summary, String title) throws IOException {
        List<Path> written = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (OtlpOutput o : otlp) {
            try {
                o.export();
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
            if (o.periodicProblems() != null) {
                notes.add(o.periodicProblems());
            }
        }
        if (push != null) {
            try {
                push.pushSummary(summary);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
            if (push.intervalProblems() != null) {
                notes.add(push.intervalProblems());
            }
        }
        for (CsvOutput c : csv) {
            if (c.failure() != null) {
                problems.add(c.failure());
            }
        }
        if (ndjson != null && ndjson.failure() != null) {
            problems.add(ndjson.failure());
        }
        if (html != null) {
            try {
                Reports.write(html, new HtmlReport().render(summary, timeline, title), "HTML report");
                written.add(html);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        for (Path file : junit) {
            try {
                new JunitReport().write(summary, title, file);
                written.add(file);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("; ", problems));
        }
        return new Finished(List.copyOf(written), List.copyOf(notes));
    }

    /** What {@link #finish} did: the report files written, and notes worth a line on standard error. */
    public record Finished(List<Path> files, List<String> notes) {
    }
}
