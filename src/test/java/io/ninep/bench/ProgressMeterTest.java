package io.ninep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
    private static final long SECOND = 1_000_000_000L;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ProgressMeter meter =
            new ProgressMeter(new PrintStream(out, true, StandardCharsets.UTF_8), 3 * SECOND, 0);

    @Test
    void lineShowsTheRatesOfTheLastInterval() {
        meter.tick(SECOND, "warmup", 1, 1000, 2_000_000, 16, -1);
        meter.tick(3 * SECOND, "measure", 1, 3000, 4_000_000, 16, 2048);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("warmup     1s        1000 ops/s        2.0 MB/s     16 in flight", lines[0]);
        assertEquals("measure    1s        1000 ops/s        1.0 MB/s     16 in flight  server rss 2.0 MiB", lines[1]);
    }

    @Test
    void noCompletionsWithRequestsInFlightForTheTimeoutIsAStall() {
        assertFalse(meter.tick(SECOND, "measure", 1, 10, 0, 4, -1));
        assertFalse(meter.tick(3 * SECOND, "measure", 3, 10, 0, 4, -1));
        assertTrue(meter.tick(4 * SECOND, "measure", 4, 10, 0, 4, -1));
    }

    @Test
    void idleWithNothingInFlightIsNoStall() {
        assertFalse(meter.tick(10 * SECOND, "measure", 10, 0, 0, 0, -1));
    }

    @Test
    void anyCompletionRestartsTheStallClock() {
        meter.tick(2 * SECOND, "measure", 2, 0, 0, 4, -1);
        assertFalse(meter.tick(2900 * 1_000_000L, "measure", 2, 1, 0, 4, -1));
        assertFalse(meter.tick(5 * SECOND, "measure", 5, 1, 0, 4, -1));
        assertTrue(meter.tick(6 * SECOND, "measure", 6, 1, 0, 4, -1));
    }
}
