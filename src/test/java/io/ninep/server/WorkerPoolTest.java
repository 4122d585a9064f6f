package io.ninep.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private WorkerPool pool;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (pool != null) {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aQuickCallRunsWhileEveryWorkerIsStuck() throws Exception {
        pool = new WorkerPool(2, 8, Duration.ofMillis(20));
        startStuckCalls(2);
        CountDownLatch quick = new CountDownLatch(1);
        pool.execute(quick::countDown);
        assertTrue(quick.await(10, TimeUnit.SECONDS), "the quick call waited behind the stuck ones");
        assertEquals(2, pool.stalled());
    }

    @Test
    void sparesLeaveOnceTheStuckCallsEnd() throws Exception {
        pool = new WorkerPool(1, 8, Duration.ofMillis(20));
        startStuckCalls(3);
        assertTrue(pool.threads() >= 3);
        release.countDown();
        eventually(() -> pool.threads() == 1, () -> "threads left: " + pool.threads());
        CountDownLatch after = new CountDownLatch(1);
        pool.execute(after::countDown);
        assertTrue(after.await(10, TimeUnit.SECONDS));
    }

    @Test
    void stuckCallsNeverRaiseThePoolAboveItsLimit() throws Exception {
        pool = new WorkerPool(1, 3, Duration.ofMillis(10));
        AtomicInteger started = new AtomicInteger();
        for (int i = 0; i < 6; i++) {
            pool.execute(() -> {
                started.incrementAndGet();
                awaitRelease();
            });
        }
        eventually(() -> started.get() == 3, () -> "started: " + started.get());
        Thread.sleep(200);
        assertEquals(3, started.get());
        assertEquals(3, pool.threads());
        release.countDown();
        eventually(() -> started.get() == 6, () -> "started: " + started.get());
    }

    @Test
    void quickCallsRunOnNoMoreThanTheConcurrency() throws Exception {
        pool = new WorkerPool(2, 16, Duration.ofSeconds(5));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(400);
        List<Thread> submitters = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    pool.execute(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        sleepQuietly();
                        running.decrementAndGet();
                        done.countDown();
                    });
                }
            });
            submitters.add(t);
            t.start();
        }
        for (Thread t : submitters) {
            t.join();
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(2, most.get());
        assertTrue(pool.threads() <= 2, "threads: " + pool.threads());
    }

    @Test
    void aConcurrencyOutsideOneToTheLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0, 4, Duration.ofMillis(5)));
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(5, 4, Duration.ofMillis(5)));
    }

    /** Starts {@code n} calls that block until the test ends, and waits until all of them run. */
    private void startStuckCalls(int n) throws InterruptedException {
        CountDownLatch stuck = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            pool.execute(() -> {
                stuck.countDown();
                awaitRelease();
            });
        }
        assertTrue(stuck.await(10, TimeUnit.SECONDS), "only " + (n - stuck.getCount()) + " of " + n + " calls started");
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void eventually(BooleanSupplier condition, Supplier<String> otherwise) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(otherwise.get());
            }
            Thread.sleep(5);
        }
    }
}
