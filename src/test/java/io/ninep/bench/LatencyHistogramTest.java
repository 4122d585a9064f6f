package io.ninep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void emptyHistogramReportsZeros() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.count());
        assertEquals(0, h.percentile(0.99));
        assertEquals(0, h.min());
        assertEquals(0, h.max());
        assertEquals(0.0, h.mean());
    }

    @Test
    void valuesBelow128AreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertEquals(50, h.percentile(0.50));
        assertEquals(99, h.percentile(0.99));
        assertEquals(100, h.percentile(1.0));
        assertEquals(1, h.percentile(0.0));
        assertEquals(50.5, h.mean(), 1e-9);
    }

    @Test
    void bucketsTileTheRangeWithoutGapsOrOverlap() {
        for (int i = 1; i < 57 * 128; i++) {
            assertEquals(LatencyHistogram.highestIn(i - 1) + 1, LatencyHistogram.lowestIn(i), "bucket " + i);
        }
        assertEquals(Long.MAX_VALUE, LatencyHistogram.highestIn(57 * 128 - 1));
    }

    @Test
    void everyValueLandsInTheBucketThatCoversIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 100_000; n++) {
            long v = random.nextLong(1L << random.nextInt(1, 63));
            int i = LatencyHistogram.indexOf(v);
            assertTrue(LatencyHistogram.lowestIn(i) <= v && v <= LatencyHistogram.highestIn(i), "value " + v);
        }
        int last = LatencyHistogram.indexOf(Long.MAX_VALUE);
        assertEquals(57 * 128 - 1, last);
    }

    @Test
    void percentilesStayWithinOnePercentOfTheExactOnes() {
        SplittableRandom random = new SplittableRandom(42);
        long[] values = new long[200_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // Log-uniform between 10 µs and 100 ms, like request latencies.
            values[i] = (long) Math.pow(10, 4 + 4 * random.nextDouble());
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            long reported = h.percentile(q);
            assertTrue(reported >= exact, "p" + q + " " + reported + " below exact " + exact);
            assertTrue(reported <= exact * 1.01, "p" + q + " " + reported + " too far above " + exact);
        }
        assertEquals(values[values.length - 1], h.max());
        assertEquals(values[0], h.min());
    }

    @Test
    void percentileNeverExceedsTheLargestRecordedValue() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000_001);
        assertEquals(1_000_001, h.percentile(0.5));
    }

    @Test
    void addingHistogramsEqualsRecordingIntoOne() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        LatencyHistogram both = new LatencyHistogram();
        for (long v = 1; v < 50_000; v += 7) {
            (v % 2 == 0 ? a : b).record(v * 13);
            both.record(v * 13);
        }
        a.add(b);
        assertEquals(both.count(), a.count());
        assertEquals(both.mean(), a.mean(), 1e-9);
        assertEquals(both.min(), a.min());
        assertEquals(both.max(), a.max());
        for (double q : new double[] {0.1, 0.5, 0.99, 0.999, 1.0}) {
            assertEquals(both.percentile(q), a.percentile(q));
        }
    }

    @Test
    void addingAnEmptyHistogramChangesNothing() {
        LatencyHistogram a = new LatencyHistogram();
        a.record(500);
        a.add(new LatencyHistogram());
        assertEquals(500, a.min());
        assertEquals(1, a.count());
    }

    @Test
    void negativeLatencyCountsAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        assertEquals(0, h.max());
        assertEquals(1, h.count());
    }

    @Test
    void fractionOutsideZeroToOneIsRejected() {
        LatencyHistogram h = new LatencyHistogram();
        assertThrows(IllegalArgumentException.class, () -> h.percentile(1.5));
        assertThrows(IllegalArgumentException.class, () -> h.percentile(-0.1));
    }
}
