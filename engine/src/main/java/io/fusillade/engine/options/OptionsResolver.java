package io.fusillade.engine.options;

import io.fusillade.engine.http.Chaos;
import io.fusillade.engine.http.HttpVersion;
import io.fusillade.engine.http.ProtocolSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a script's {@code options} object (already converted to Java maps, lists, strings
 * and numbers) plus command-line overrides into {@link TestOptions}. Accepts the spec's names
 * and k6's ({@code vus}, {@code criteria}, {@code gracefulStop}, ...; see {@link OptionKeys}).
 * Thresholds are kept as text here; the aggregator parses them. A wrong type or an invalid
 * duration is an {@link OptionException} naming the key; an unknown key is a warning with a
 * "did you mean" hint.
 */
public final class OptionsResolver {
    /** Overrides from the command line; null fields leave the script's value alone. */
    public record Overrides(Integer workers, Duration duration, Long iterations,
                            Boolean responseSink, Boolean insecureSkipTlsVerify, Duration jitter, Double drop, String warmup,
                            HttpVersion httpVersion) {
        /** The overrides without {@code --http-version}. */
        public Overrides(Integer workers, Duration duration, Long iterations, Boolean responseSink, Boolean insecureSkipTlsVerify,
                         Duration jitter, Double drop, String warmup) {
            this(workers, duration, iterations, responseSink, insecureSkipTlsVerify, jitter, drop, warmup, null);
        }

        /** The overrides of the common flags, no chaos or warm-up flags. */
        public Overrides(Integer workers, Duration duration, Long iterations, Boolean responseSink, Boolean insecureSkipTlsVerify) {
            this(workers, duration, iterations, responseSink, insecureSkipTlsVerify, null, null, null);
        }

        /** No overrides at all. */
        public static Overrides none() {
            return new Overrides(null, null, null, null, null);
        }
    }

    /** Top-level keys this version reads but does not act on yet. */
    private static final Set<String> NOT_YET_SUPPORTED = Set.of("memory_safe");

    private final List<String> warnings = new ArrayList<>();

    /** Warnings collected while resolving (unknown or not yet supported keys). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Merges {@code script} options with {@code overrides} (the command line wins). */
    public TestOptions resolve(Map<String, Object> script, Overrides overrides) {
        return resolve(script == null ? List.of() : List.of(script), overrides);
    }

    /**
     * Merges {@code layers} (lowest first: the script's options, then a config file) and the
     * command line's {@code overrides} (highest), as {@link OptionLayers} describes.
     */
    public TestOptions resolve(List<Map<String, Object>> layers, Overrides overrides) {
        for (Map<String, Object> layer : layers) {
            OptionMap level = OptionMap.of("", layer);
            warnings.addAll(level.unknownKeyWarnings(OptionKeys.spellings()));
        }
        List<Map<String, Object>> all = new ArrayList<>(layers);
        Map<String, Object> cli = new LinkedHashMap<>();
        if (overrides.workers() != null) {
            cli.put("workers", overrides.workers());
        }
        if (overrides.duration() != null) {
            cli.put("duration", overrides.duration().toNanos() / 1e6);
        }
        if (overrides.iterations() != null) {
            cli.put("iterations", overrides.iterations());
        }
        if (overrides.jitter() != null) {
            cli.put("jitter", overrides.jitter().toNanos() / 1e6);
        }
        if (overrides.drop() != null) {
            cli.put("drop", overrides.drop());
        }
        if (overrides.warmup() != null) {
            cli.put("warmup", overrides.warmup());
        }
        all.add(cli);
        Map<String, Object> merged = OptionLayers.merge(all);
        OptionMap top = OptionMap.of("", merged);
        for (String key : NOT_YET_SUPPORTED) {
            if (top.has(key)) {
                warnings.add("option '" + top.name(key) + "' is not supported by this version and is ignored");
            }
        }
        Map<String, List<String>> thresholds = thresholds(top.name("thresholds"), top.get("thresholds"));
        boolean sink = top.bool("response_sink", false);
        boolean insecure = top.bool("insecureSkipTLSVerify", false);
        if (overrides.responseSink() != null) {
            sink = overrides.responseSink();
            merged.put("response_sink", sink);
            top = OptionMap.of("", merged);
        }
        if (overrides.insecureSkipTlsVerify() != null) {
            insecure = overrides.insecureSkipTlsVerify();
        }
        Duration gracefulStop = top.duration("stop", TestOptions.DEFAULT_GRACEFUL_STOP);
        List<ScenarioOptions> scenarios = new ScenarioParser(warnings).parse(top);
        Map<String, List<String>> allThresholds = new LinkedHashMap<>(thresholds);
        for (ScenarioOptions scenario : scenarios) {
            scenario.thresholds().forEach((metric, expressions) -> allThresholds.computeIfAbsent(
                    scoped(metric, scenario.name()), k -> new ArrayList<>()).addAll(expressions));
        }
        int workers = 0;
        Duration longest = null;
        for (ScenarioOptions scenario : scenarios) {
            workers += scenario.executor().maxVus();
            if (!(scenario.executor() instanceof ExecutorSpec.PerVuIterations || scenario.executor() instanceof ExecutorSpec.SharedIterations)
                    && (longest == null || scenario.end().compareTo(longest) > 0)) {
                longest = scenario.end();
            }
        }
        long iterations = top.whole("iterations", 0, 0);
        if (scenarios.size() == 1 && scenarios.getFirst().executor() instanceof ExecutorSpec.PerVuIterations p) {
            iterations = p.iterations();
        }
        Chaos chaos = new Chaos(top.duration("jitter", Duration.ZERO), top.number("drop", 0, 0, 1));
        String warmup = top.text("warmup", null);
        if (warmup != null && !(warmup.startsWith("http://") || warmup.startsWith("https://"))) {
            throw new OptionException(top.name("warmup"), "expected an http:// or https:// URL, got '" + warmup + "'");
        }
        return new TestOptions(Math.max(1, workers), longest, iterations, gracefulStop, allThresholds, insecure, sink,
                layers.isEmpty() ? Map.of() : layers.getFirst(), scenarios,
                top.duration("setupTimeout", TestOptions.DEFAULT_HOOK_TIMEOUT), top.duration("teardownTimeout", TestOptions.DEFAULT_HOOK_TIMEOUT),
                chaos, warmup, !top.bool("no_endpoint_tracking", false), protocol(top, overrides));
    }

    /** {@code httpVersion} and the TLS options; {@code --http-version} wins over the files. */
    private static ProtocolSettings protocol(OptionMap top, Overrides overrides) {
        ProtocolSettings protocol = ProtocolOptions.parse(top);
        return overrides.httpVersion() == null ? protocol : new ProtocolSettings(overrides.httpVersion(), protocol.tls());
    }

    /** A scenario's threshold key, narrowed to it: {@code http_req_failed{scenario:checkout}}. */
    static String scoped(String metric, String scenario) {
        String tag = "scenario:" + scenario;
        int brace = metric.indexOf('{');
        if (brace < 0) {
            return metric + "{" + tag + "}";
        }
        String tags = metric.substring(brace + 1, metric.lastIndexOf('}')).strip();
        return metric.substring(0, brace) + "{" + (tags.isEmpty() ? "" : tags + ",") + tag + "}";
    }

    /** Thresholds as written: metric key to expressions ({@code {threshold: ...}} objects are read too); empty when absent. */
    static Map<String, List<String>> thresholds(String key, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new OptionException(key, "expected an object of metric name to a list of expressions, got " + Durations.describe(value));
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String metric = String.valueOf(entry.getKey());
            List<String> exprs = new ArrayList<>();
            Object v = entry.getValue();
            List<?> items = v instanceof List<?> list ? list : List.of(v == null ? "" : v);
            for (Object item : items) {
                if (item instanceof String s) {
                    exprs.add(s);
                } else if (item instanceof Map<?, ?> m && m.get("threshold") instanceof String s) {
                    exprs.add(s);
                } else {
                    throw new OptionException(key + "." + metric, "expected an expression string such as 'p95 < 500', got " + Durations.describe(item));
                }
            }
            result.put(metric, exprs);
        }
        return result;
    }
}
