package io.fusillade.ingest;

/** How a custom metric's samples are summarised. */
public enum MetricType {
    /** A running sum. */
    COUNTER(1),
    /** The last value, plus its min and max. */
    GAUGE(2),
    /** The share of non-zero samples. */
    RATE(3),
    /** A distribution: avg, min, med, max, percentiles. */
    TREND(4);

    private static final MetricType[] BY_CODE = new MetricType[8];

    static {
        for (MetricType value : values()) {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    MetricType(int code) {
        this.code = code;
    }

    /** The number stored in the journal. */
    public int code() {
        return code;
    }

    /** The type for a stored code. */
    public static MetricType ofCode(int code) {
        MetricType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (t != null) {
            return t;
        }
        throw new IllegalArgumentException("unknown metric type code " + code);
    }
}
