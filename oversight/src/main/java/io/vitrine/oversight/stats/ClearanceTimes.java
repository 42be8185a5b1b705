package io.vitrine.oversight.stats;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.ByteArrayOutputStream;

/**
 * Clearance times (seconds from a declaration's opening to customs' release) as a mergeable HdrHistogram: each
 * aggregate row keeps one, serialized; a query adds up the rows' histograms and reads p50/p90 off the sum. Two
 * significant digits (values within 1%), from 1 second to {@value #MAX_DAYS} days (longer clearances count as that).
 *
 * <p>Serialized as the histogram's recorded buckets only — format byte {@value #FORMAT}, then per non-empty bucket
 * the varint of its value's distance from the previous bucket's value and the varint of its count — rather than
 * HdrHistogram's own encoding, which decodes into a whole new counts array (18 KB at this precision) per row: adding
 * a row here is one {@code recordValueWithCount} per bucket it holds (a store's day: a handful), no allocation, and
 * the merge is exact (each bucket's value lands in the same bucket). Not thread-safe: one per row being written or
 * group being read.
 */
public final class ClearanceTimes {

    static final long MAX_DAYS = 120;
    static final int FORMAT = 1;
    private static final long MAX_SECONDS = MAX_DAYS * 24 * 3600;
    private static final int SIGNIFICANT_DIGITS = 2;

    private final Histogram histogram;

    private ClearanceTimes(Histogram histogram) {
        this.histogram = histogram;
    }

    public static ClearanceTimes empty() {
        return new ClearanceTimes(new Histogram(1, MAX_SECONDS, SIGNIFICANT_DIGITS));
    }

    /** A histogram as {@link #encoded()} wrote it; null or empty bytes are an empty one. */
    public static ClearanceTimes decode(byte[] encoded) {
        ClearanceTimes times = empty();
        times.add(encoded);
        return times;
    }

    /** Counts one clearance; below a second counts as one second, beyond the range as its end. */
    public void record(long seconds) {
        histogram.recordValue(Math.max(1, Math.min(MAX_SECONDS, seconds)));
    }

    /** Adds the clearances of a serialized histogram (null: none). */
    public void add(byte[] encoded) {
        for (Buckets buckets = new Buckets(encoded); buckets.next(); ) {
            histogram.recordValueWithCount(buckets.value, buckets.count);
        }
    }

    /** Forgets every clearance (a scratch histogram reused for the next group). */
    public void clear() {
        histogram.reset();
    }

    public void add(ClearanceTimes other) {
        histogram.add(other.histogram);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** The clearance time at this percentile (0-100) in seconds, or null when nothing was released. */
    public Long percentile(double percentile) {
        return count() == 0 ? null : histogram.getValueAtPercentile(percentile);
    }

    /**
     * The percentiles (each above 0, at most 100) of one serialized histogram, read straight off its buckets: what
     * {@link #percentile} answers after decoding it, without a histogram (the count at the percentile rounded up, the
     * first bucket reaching it). Null when it holds nothing.
     */
    public static Long[] percentilesOf(byte[] encoded, double... percentiles) {
        long total = 0;
        for (Buckets buckets = new Buckets(encoded); buckets.next(); ) {
            total += buckets.count;
        }
        Long[] values = new Long[percentiles.length];
        if (total == 0) {
            return values;
        }
        for (int i = 0; i < percentiles.length; i++) {
            double requested = Math.min(Math.max(Math.nextAfter(percentiles[i], Double.NEGATIVE_INFINITY), 0), 100);
            long countAtPercentile = Math.max(1, (long) Math.ceil(requested * total / 100));
            long reached = 0;
            for (Buckets buckets = new Buckets(encoded); buckets.next(); ) {
                reached += buckets.count;
                if (reached >= countAtPercentile) {
                    values[i] = buckets.value;
                    break;
                }
            }
        }
        return values;
    }

    /** The recorded buckets serialized (see the class comment). */
    public byte[] encoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        out.write(FORMAT);
        long previous = 0;
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            long value = histogram.highestEquivalentValue(bucket.getValueIteratedTo());
            writeVarint(out, value - previous);
            writeVarint(out, bucket.getCountAtValueIteratedTo());
            previous = value;
        }
        return out.toByteArray();
    }

    /** Walks a serialized histogram's buckets in value order (null or empty bytes: none). */
    private static final class Buckets {
        private final byte[] encoded;
        private final int[] at = {1};
        long value;
        long count;

        Buckets(byte[] encoded) {
            if (encoded != null && encoded.length > 0 && encoded[0] != FORMAT) {
                throw new IllegalStateException("a stored clearance histogram has an unknown format " + encoded[0]);
            }
            this.encoded = encoded == null ? new byte[0] : encoded;
        }

        boolean next() {
            if (at[0] >= encoded.length) {
                return false;
            }
            value += varint(encoded, at);
            count = varint(encoded, at);
            return true;
        }
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    private static long varint(byte[] bytes, int[] at) {
        long value = 0;
        int shift = 0;
        while (true) {
            if (at[0] >= bytes.length || shift > 63) {
                throw new IllegalStateException("a stored clearance histogram is cut short");
            }
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
