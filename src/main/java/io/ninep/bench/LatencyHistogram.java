package io.ninep.bench;

/**
 * Latencies in nanoseconds, counted in log-linear buckets: exact below 128 ns, then 128 buckets per
 * power of two, so any reported value is within 1/128 (0.8 %) of a latency that was recorded. Memory
 * is fixed (57 × 128 counters) whatever the run length. Not thread-safe: one recorder at a time.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    /** Exponents 7..62 each get a group after the linear group 0..127. */
    private static final int GROUPS = 63 - SUB_BITS + 1;

    private final long[] counts = new long[GROUPS * SUB_BUCKETS];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    /** Counts one latency; negative values (a clock that went backwards) count as zero. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[indexOf(value)]++;
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    /** Adds every latency of {@code other} to this histogram. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() {
        return count;
    }

    /** The smallest latency recorded, or 0 when there is none. */
    public long min() {
        return count == 0 ? 0 : min;
    }

    public long max() {
        return max;
    }

    public double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The latency at or below which {@code fraction} (0..1) of the recorded ones lie: the highest
     * value of the bucket holding that rank, but never above the largest latency recorded. 0 when empty.
     */
    public long percentile(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction " + fraction + " is not within 0..1");
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * count));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, highestIn(i));
            }
        }
        return max;
    }

    static int indexOf(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BITS;
        int mantissa = (int) (value >>> shift);
        return (shift + 1) * SUB_BUCKETS + (mantissa - SUB_BUCKETS);
    }

    static long lowestIn(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long mantissa = SUB_BUCKETS + index % SUB_BUCKETS;
        return mantissa << shift;
    }

    static long highestIn(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        return lowestIn(index) + (1L << shift) - 1;
    }
}
