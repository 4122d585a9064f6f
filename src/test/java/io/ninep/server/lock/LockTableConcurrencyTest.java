package io.ninep.server.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LockTableConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 20_000;
    private static final int BYTES = 64;
    private static final FileKey FILE = new FileKey(3, 3);

    private final LockTable table = new LockTable();
    /** Per byte: the thread holding a granted write lock on it, and how many granted read locks cover it. */
    private final AtomicIntegerArray writer = new AtomicIntegerArray(BYTES);
    private final AtomicIntegerArray readers = new AtomicIntegerArray(BYTES);
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong granted = new AtomicLong();
    private final AtomicLong blocked = new AtomicLong();

    @Test
    void eightThreadsLockingOneFileNeverShareAWriteRangeAndLeaveAnEmptyTable() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 1; t <= THREADS; t++) {
            int id = t;
            done.add(pool.submit(() -> {
                go.await();
                work(id);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(0, violations.get(), "a granted lock overlapped a conflicting granted lock");
        assertTrue(granted.get() > 0 && blocked.get() > 0, "granted " + granted + ", blocked " + blocked);
        assertEquals(0, table.size());
        assertTrue(table.snapshot().isEmpty());
        assertEquals(0, table.indexedHolders());
    }

    private void work(int id) {
        LockOwner owner = new LockOwner(id, "host", 1);
        long fid = id * 1000L;
        Random random = new Random(id);
        for (int round = 0; round < ROUNDS; round++) {
            LockType type = random.nextBoolean() ? LockType.READ : LockType.WRITE;
            int start = random.nextInt(BYTES);
            int length = 1 + random.nextInt(Math.min(8, BYTES - start));
            table.test(FILE, owner, type, start, length);
            if (table.lock(FILE, owner, type, start, length, fid) != LockStatus.SUCCESS) {
                blocked.incrementAndGet();
                continue;
            }
            granted.incrementAndGet();
            hold(id, type, start, length);
            if (random.nextInt(4) == 0) {
                table.releaseFid(fid);
            } else if (random.nextInt(3) != 0) {
                table.lock(FILE, owner, LockType.UNLOCK, start, length, fid);
            }
        }
        table.lock(FILE, owner, LockType.UNLOCK, 0, 0, fid);
    }

    /** Marks the bytes as held, checks no conflicting holder is marked, and clears the marks again. */
    private void hold(int id, LockType type, int start, int length) {
        for (int b = start; b < start + length; b++) {
            if (type == LockType.WRITE) {
                if (!writer.compareAndSet(b, 0, id) || readers.get(b) != 0) {
                    violations.incrementAndGet();
                }
            } else {
                readers.incrementAndGet(b);
                if (writer.get(b) != 0) {
                    violations.incrementAndGet();
                }
            }
        }
        for (int b = start; b < start + length; b++) {
            if (type == LockType.WRITE) {
                writer.compareAndSet(b, id, 0);
            } else {
                readers.decrementAndGet(b);
            }
        }
    }
}
