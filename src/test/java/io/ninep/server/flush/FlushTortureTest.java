package io.ninep.server.flush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.server.ServerStats;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Many connections pipelining random requests with random Tflushes while the control plane keeps changing
 * per-operation delays (0–50 ms, before each operation's commit point). Each connection's replies are
 * judged in wire order and then compared with the server's state (see {@link TortureConnection}).
 * Seeded: the seed is printed, {@code -Dtorture.seed=N} replays the same choices (timing still varies),
 * {@code -Dtorture.messages=N} sets the messages per connection.
 */
@QuarkusTest
class FlushTortureTest extends FlushTestBase {
    private static final int CONNECTIONS = 8;
    private static final List<String> DELAYED_OPS =
            List.of("walk", "lcreate", "mkdir", "write", "lock", "read", "getattr", "readdir", "statfs");
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    @Test
    void randomFlushesUnderRandomDelaysAgreeWithTheServer() throws Exception {
        long seed = Long.getLong("torture.seed", System.nanoTime());
        int messages = Integer.getInteger("torture.messages", 2000);
        String replay = "seed " + seed + " (replay with -Dtorture.seed=" + seed + ")";
        System.out.println("flush torture: " + replay + ", " + CONNECTIONS + " connections x " + messages + " messages");
        long started = System.nanoTime();
        ServerStats stats = server.stats();
        long dropped = stats.flushDropped.get();
        long tagReuse = stats.tagReuse.get();
        long decodeErrors = stats.decodeErrors.get();
        long answeredFirst = stats.flushAnsweredBeforeFlush.get();

        List<TortureConnection> torture = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            NinepClient c = attached();
            String dir = freshDir(c, TortureConnection.DIR);
            TagPool.Policy policy = i % 2 == 0 ? TagPool.Policy.LOWEST_FREE : TagPool.Policy.ROUND_ROBIN;
            TortureConnection t = new TortureConnection(i, c, dir, new Random(seed * 1_000_003L + i), policy);
            t.prepare(messages / 5);
            torture.add(t);
        }

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS + 1);
        try {
            Future<?> faults = threads.submit(() -> changeDelays(new Random(seed), running));
            List<Future<?>> drivers = new ArrayList<>();
            for (TortureConnection t : torture) {
                drivers.add(threads.submit(() -> {
                    t.run(messages);
                    return null;
                }));
            }
            for (Future<?> d : drivers) {
                d.get(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
            running.set(false);
            faults.get(10, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            threads.shutdownNow();
        }
        clearFaults();

        NinepClient probe = attached();
        List<String> problems = new ArrayList<>();
        int droppedSeen = 0;
        for (TortureConnection t : torture) {
            problems.addAll(t.verify(probe));
            droppedSeen += t.dropped();
            System.out.println("flush torture: " + t.summary());
        }
        long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("flush torture: %d ms; server dropped %d, answered before Rflush %d%n", elapsed,
                stats.flushDropped.get() - dropped, stats.flushAnsweredBeforeFlush.get() - answeredFirst);

        assertEquals(List.of(), problems.subList(0, Math.min(30, problems.size())), replay);
        assertEquals(0, stats.tagReuse.get() - tagReuse, "the server saw a tag reused while in flight; " + replay);
        assertEquals(0, stats.decodeErrors.get() - decodeErrors, replay);
        assertEquals(droppedSeen, stats.flushDropped.get() - dropped,
                "requests the clients saw dropped vs. the server's flushDropped; " + replay);
        assertTrue(droppedSeen > 0, "no request was ever dropped: the run did not exercise flush; " + replay);
        assertTrue(elapsed < TIME_LIMIT.toMillis(), "took " + elapsed + " ms; " + replay);
    }

    /** Every 100 ms, a fresh seeded choice of delays: some operations none, the others 0–50 ms. */
    private Void changeDelays(Random random, AtomicBoolean running) throws Exception {
        while (running.get()) {
            Map<String, Duration> delays = new LinkedHashMap<>();
            for (String op : DELAYED_OPS) {
                if (random.nextInt(100) >= 30) {
                    delays.put(op, Duration.ofMillis(random.nextInt(51)));
                }
            }
            delay(delays);
            Thread.sleep(100);
        }
        return null;
    }
}
