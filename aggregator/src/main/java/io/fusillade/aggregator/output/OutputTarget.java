package io.fusillade.aggregator.output;

import java.nio.file.Path;

/** One {@code --out KIND=WHERE} value. */
public sealed interface OutputTarget {
    /** {@code csv=FILE}: every sample as a CSV row. */
    record Csv(Path file) implements OutputTarget {
    }

    /** {@code junit=FILE}: thresholds and checks as JUnit XML test cases. */
    record Junit(Path file) implements OutputTarget {
    }

    /** {@code otlp=URL}: OpenTelemetry metrics over OTLP/HTTP. */
    record Otlp(String url) implements OutputTarget {
    }

    /**
     * Parses {@code csv=FILE}, {@code junit=FILE} or {@code otlp=URL}.
     *
     * @throws IllegalArgumentException naming the option and the accepted forms
     */
    static OutputTarget parse(String spec) {
        int eq = spec.indexOf('=');
        String kind = eq < 0 ? spec.strip() : spec.substring(0, eq).strip();
        String where = eq < 0 ? "" : spec.substring(eq + 1).strip();
        if (where.isEmpty() && (kind.equals("csv") || kind.equals("junit") || kind.equals("otlp"))) {
            throw new IllegalArgumentException("invalid --out '" + spec + "': " + kind + " needs " + switch (kind) {
                case "csv" -> "a file, e.g. --out csv=results.csv";
                case "junit" -> "a file, e.g. --out junit=results.xml";
                default -> "a URL, e.g. --out otlp=http://localhost:4318/v1/metrics";
            });
        }
        return switch (kind) {
            case "csv" -> new Csv(Path.of(where));
            case "junit" -> new Junit(Path.of(where));
            case "otlp" -> new Otlp(where);
            default -> throw new IllegalArgumentException("invalid --out '" + spec + "': expected csv=FILE, junit=FILE or otlp=URL");
        };
    }
}
