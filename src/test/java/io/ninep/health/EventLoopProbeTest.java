package io.ninep.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopProbeTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final EventLoopProbe probe = new EventLoopProbe(List.of(loop), Duration.ofMillis(20));

    @AfterEach
    void stop() throws InterruptedException {
        probe.stop();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void idleLoopFiresNearlyOnTimeAndIsNamedByItsThread() throws Exception {
        String thread = loop.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        probe.start();
        Thread.sleep(200);

        EventLoopProbe.LoopDelay d = probe.delays().get(0);
        assertEquals(thread, d.loop());
        assertTrue(d.lastNanos() < TimeUnit.SECONDS.toNanos(1), "last " + d.lastNanos());
        assertTrue(probe.worstCurrent().toMillis() < 1000);
    }

    @Test
    void blockedLoopShowsAGrowingDelayBeforeItsTimerCanFire() throws Exception {
        probe.start();
        Thread.sleep(60);
        loop.execute(() -> sleep(2000));
        Thread.sleep(1500);

        EventLoopProbe.LoopDelay blocked = probe.delays().get(0);
        assertTrue(blocked.currentNanos() >= TimeUnit.MILLISECONDS.toNanos(1000),
                "current delay counts the overdue firing: " + blocked);
        assertTrue(blocked.lastNanos() < TimeUnit.MILLISECONDS.toNanos(1000), "the stall is not measured yet");

        Thread.sleep(1500);
        EventLoopProbe.LoopDelay after = probe.delays().get(0);
        assertTrue(after.maxNanos() >= TimeUnit.MILLISECONDS.toNanos(1500), "max keeps the stall: " + after);
        assertTrue(after.currentNanos() < TimeUnit.MILLISECONDS.toNanos(1000), "recovered: " + after);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
