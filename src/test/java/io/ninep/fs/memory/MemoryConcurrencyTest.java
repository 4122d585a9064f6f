package io.ninep.fs.memory;

import io.ninep.fs.FileSystem;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.ninep.fs.memory.FsTesting.APPEND;
import static io.ninep.fs.memory.FsTesting.READ;
import static io.ninep.fs.memory.FsTesting.READ_WRITE;
import static io.ninep.fs.memory.FsTesting.USER;
import static io.ninep.fs.memory.FsTesting.names;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryConcurrencyTest {
    private static final int THREADS = 8;

    private final MemoryFileSystem fs = new MemoryFileSystem("concurrent", 1L << 28);
    private final Node root = fs.root();

    private static byte[] pattern(int seed, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (seed * 131 + i * 7);
        }
        return data;
    }

    /** Runs {@code task(i)} on {@link #THREADS} threads released together, and waits for all of them. */
    private static void onThreads(ThrowingTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    start.await();
                    task.run(id);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThrowingTask {
        void run(int thread) throws Exception;
    }

    @Test
    void writersOnDifferentFilesLoseNoData() throws Exception {
        int chunk = 5000;
        int chunks = 200;
        onThreads(t -> {
            FileSystem.Created c = fs.create(root, "file" + t, READ_WRITE, 0644, USER);
            try (OpenFile file = c.file(); Node node = c.node()) {
                for (int i = 0; i < chunks; i++) {
                    assertEquals(chunk, fs.write(file, (long) i * chunk, ByteBuffer.wrap(pattern(t + i, chunk))));
                }
            }
        });
        for (int t = 0; t < THREADS; t++) {
            try (Node node = fs.walk(root, "file" + t); OpenFile file = fs.open(node, READ, USER)) {
                assertEquals((long) chunk * chunks, fs.getattr(node).size());
                for (int i = 0; i < chunks; i++) {
                    ByteBuffer back = ByteBuffer.allocate(chunk);
                    fs.read(file, (long) i * chunk, back);
                    assertArrayEquals(pattern(t + i, chunk), back.array());
                }
            }
        }
    }

    @Test
    void appendersOnOneFileNeverOverlap() throws Exception {
        int records = 500;
        FileSystem.Created c = fs.create(root, "log", READ_WRITE, 0644, USER);
        onThreads(t -> {
            try (OpenFile file = fs.open(c.node(), APPEND, USER)) {
                for (int i = 0; i < records; i++) {
                    fs.write(file, 0, ByteBuffer.wrap(new byte[]{(byte) t, (byte) t, (byte) t, (byte) t}));
                }
            }
        });
        ByteBuffer all = ByteBuffer.allocate(THREADS * records * 4);
        assertEquals(all.capacity(), fs.read(c.file(), 0, all));
        for (int r = 0; r < THREADS * records; r++) {
            byte first = all.get(r * 4);
            for (int k = 1; k < 4; k++) {
                assertEquals(first, all.get(r * 4 + k));
            }
        }
    }

    @Test
    void readersOfOneFileRunWhileOthersChangeTheNamespace() throws Exception {
        byte[] data = pattern(9, 200_000);
        FileSystem.Created c = fs.create(root, "shared", READ_WRITE, 0644, USER);
        fs.write(c.file(), 0, ByteBuffer.wrap(data));
        onThreads(t -> {
            for (int i = 0; i < 50; i++) {
                if (t % 2 == 0) {
                    ByteBuffer back = ByteBuffer.allocate(data.length);
                    fs.read(c.file(), 0, back);
                    assertArrayEquals(data, back.array());
                } else {
                    fs.mkdir(root, "d" + t + "-" + i, 0755, USER).close();
                    fs.unlinkat(root, "d" + t + "-" + i, true);
                }
            }
        });
        assertEquals(List.of(".", "..", "shared"), names(fs, root));
        assertEquals(2, fs.getattr(root).nlink());
    }

    @Test
    void concurrentCreatesInOneDirectoryAllLand() throws Exception {
        int each = 200;
        onThreads(t -> {
            for (int i = 0; i < each; i++) {
                fs.create(root, "n" + t + "-" + i, READ_WRITE, 0644, USER).node().close();
            }
        });
        List<String> names = names(fs, root);
        assertEquals(THREADS * each + 2, names.size());
        assertEquals(names.size(), new HashSet<>(names).size());
        assertTrue(fs.usedInodes() == THREADS * each + 1);
    }
}
