package io.fusillade.aggregator.output;

import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import java.util.Arrays;

/**
 * A cumulative OTLP explicit-bucket histogram of milliseconds: counts per bucket, sum, min
 * and max, as an OpenTelemetry SDK would export {@code http_req_duration}. Single-writer.
 */
final class OtlpHistogram {
    /** Bucket upper bounds in milliseconds, from sub-millisecond loopback calls to timeouts. */
    static final double[] BOUNDS_MS = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000};
    private static final java.util.List<Double> BOUNDS = Arrays.stream(BOUNDS_MS).boxed().toList();

    private final long[] counts = new long[BOUNDS_MS.length + 1];
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void record(double ms) {
        int i = 0;
        while (i < BOUNDS_MS.length && ms > BOUNDS_MS[i]) {
            i++;
        }
        counts[i]++;
        count++;
        sum += ms;
        min = Math.min(min, ms);
        max = Math.max(max, ms);
    }

    HistogramDataPoint.Builder point() {
        HistogramDataPoint.Builder point = HistogramDataPoint.newBuilder().setCount(count).setSum(sum).addAllExplicitBounds(BOUNDS);
        for (long c : counts) {
            point.addBucketCounts(c);
        }
        if (count > 0) {
            point.setMin(min).setMax(max);
        }
        return point;
    }
}
