package io.vitrine.benchmarks;

import java.util.Arrays;

/**
 * The latencies of one endpoint as the fleet simulator saw them (answered requests) and its errors (a 5xx, a refusal
 * the device did not expect, or no answer): thread-safe, kept whole (a few hundred thousand longs at most), read as
 * percentiles at the end.
 */
final class FleetLatencies {

    private long[] nanos = new long[1024];
    private int count;
    private long errors;

    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized void error() {
        errors++;
    }

    synchronized int count() {
        return count;
    }

    synchronized long errors() {
        return errors;
    }

    /** The nearest-rank percentile of the recorded latencies, in nanoseconds; 0 when none was recorded. */
    synchronized long percentile(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }
}
