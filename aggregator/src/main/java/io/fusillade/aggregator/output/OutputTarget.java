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

    /**
     * Parses {@code csv=FILE} or {@code junit=FILE}.
     *
     * @throws IllegalArgumentException naming the option and the accepted forms
     */
    static OutputTarget parse(String spec) {
        int eq = spec.indexOf('=');
        String kind = eq < 0 ? spec.strip() : spec.substring(0, eq).strip();
        String where = eq < 0 ? "" : spec.substring(eq + 1).strip();
        if (where.isEmpty() && (kind.equals("csv") || kind.equals("junit"))) {
            throw new IllegalArgumentException("invalid --out '" + spec + "': " + kind + " needs a file, e.g. --out " + kind + "=results."
                    + (kind.equals("csv") ? "csv" : "xml"));
        }
        return switch (kind) {
            case "csv" -> new Csv(Path.of(where));
            case "junit" -> new Junit(Path.of(where));
            case "otlp" -> throw new IllegalArgumentException("invalid --out '" + spec
                    + "': OTLP export is not available in this version; use csv=FILE or junit=FILE");
            default -> throw new IllegalArgumentException("invalid --out '" + spec + "': expected csv=FILE or junit=FILE");
        };
    }
}
