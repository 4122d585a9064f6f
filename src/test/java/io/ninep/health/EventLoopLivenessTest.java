package io.ninep.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class EventLoopLivenessTest {
    private static final long MS = 1_000_000;

    @Test
    void upWhileEveryLoopIsUnderTheLimit() {
        HealthCheckResponse r = EventLoopLiveness.check(List.of(
                new EventLoopProbe.LoopDelay("loop-a", 2 * MS, 40 * MS, 2 * MS),
                new EventLoopProbe.LoopDelay("loop-b", 1 * MS, 9_000 * MS, 1 * MS)), Duration.ofSeconds(5));

        assertEquals(HealthCheckResponse.Status.UP, r.getStatus(), "an old stall (max) does not count");
        assertEquals(2L, r.getData().orElseThrow().get("loop-a"));
    }

    @Test
    void downWhenOneLoopLagsPastTheLimit() {
        HealthCheckResponse r = EventLoopLiveness.check(List.of(
                new EventLoopProbe.LoopDelay("loop-a", 2 * MS, 2 * MS, 2 * MS),
                new EventLoopProbe.LoopDelay("loop-b", 0, 6_000 * MS, 6_000 * MS)), Duration.ofSeconds(5));

        assertEquals(HealthCheckResponse.Status.DOWN, r.getStatus());
        assertEquals(6000L, r.getData().orElseThrow().get("loop-b"));
    }
}
