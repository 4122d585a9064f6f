package io.ninep.export.qid;

import static io.ninep.export.qid.Mappers.file;
import static io.ninep.export.qid.TwoTmpfsExport.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ninep.fs.FileId;
import io.ninep.fs.local.LocalFileSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers (two mapper instances) serving the same directory with one shared table, as two pods on one RWX
 * volume: every file gets the same path from both, whichever meets it first, and no two files share one.
 */
class ReplicaTest {
    static TwoTmpfsExport export;
    static LocalFileSystem fs;
    static long rootDevice;

    @TempDir
    Path dir;

    @BeforeAll
    static void mount() throws Exception {
        export = TwoTmpfsExport.create();
        for (String f : List.of("t1/a", "t1/b", "t2/a", "t2/b", "plain")) {
            export.file(f);
        }
        fs = export.open();
        rootDevice = id(fs, "").device();
    }

    @AfterAll
    static void unmount() throws Exception {
        if (fs != null) {
            fs.close();
        }
        if (export != null) {
            export.close();
        }
    }

    @Test
    void interleavedServersAgreeOnEveryFileIncludingOnesCreatedAfterBothStarted() throws Exception {
        Path table = dir.resolve("table");
        try (RemapQidMapper a = Mappers.real(export.root, rootDevice, table, 1000);
             RemapQidMapper b = Mappers.real(export.root, rootDevice, table, 1000)) {
            long aT1 = a.path(id(fs, "t1/a"));
            long bT2 = b.path(id(fs, "t2/a"));
            assertEquals(bT2, a.path(id(fs, "t2/a")));
            assertEquals(aT1, b.path(id(fs, "t1/a")));
            assertNotEquals(aT1, bT2);

            export.file("t1/later");
            export.file("t2/later");
            export.mount("t3");
            export.file("t3/a");
            List<String> all = List.of("plain", "t1", "t2", "t3", "t1/a", "t1/b", "t2/a", "t2/b", "t1/later",
                    "t2/later", "t3/a");
            Map<String, Long> fromB = new HashMap<>();
            for (String f : all) {
                fromB.put(f, b.path(id(fs, f)));
            }
            List<String> reversed = new ArrayList<>(all);
            Collections.reverse(reversed);
            for (String f : reversed) {
                assertEquals(fromB.get(f), a.path(id(fs, f)), f);
            }
            assertEquals(all.size(), new HashSet<>(fromB.values()).size(), "two files share a path: " + fromB);
        }
    }

    @Test
    void serversThatSeeOtherStDevNumbersForTheSameMountsAgree() {
        Path table = dir.resolve("table");
        FileId t1 = id(fs, "t1/a");
        FileId t2 = id(fs, "t2/b");
        FileId plain = id(fs, "plain");
        Map<Long, Long> podDevices = Map.of(rootDevice, 7000L, t1.device(), 7001L, t2.device(), 7002L);
        try (RemapQidMapper here = Mappers.real(export.root, rootDevice, table, 1000);
             RemapQidMapper otherPod = Mappers.injected(7000, Map.of(7001L, "/t1", 7002L, "/t2"), table, 1000)) {
            for (FileId f : List.of(t2, t1, plain)) {
                FileId seenThere = new FileId(f.type(), podDevices.get(f.device()), f.inode(), f.version());
                assertEquals(otherPod.path(seenThere), here.path(f));
            }
        }
    }

    @Test
    void concurrentServersNeverDisagreeOrCollide() throws Exception {
        Path table = dir.resolve("table");
        List<long[]> files = new ArrayList<>();
        Map<Long, String> mountsA = new HashMap<>();
        Map<Long, String> mountsB = new HashMap<>();
        for (int d = 0; d < 40; d++) {
            mountsA.put(100L + d, "/m" + d);
            mountsB.put(500L + d, "/m" + d);
            for (long ino : new long[] {1, 2, 3, (1L << 48) | 2, (5L << 48) | 2}) {
                files.add(new long[] {d, ino});
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RemapQidMapper a = Mappers.injected(99, mountsA, table, 100_000);
             RemapQidMapper b = Mappers.injected(499, mountsB, table, 100_000)) {
            Future<Map<Integer, Long>> fromA = pool.submit(mapAll(a, 100, files, 1));
            Future<Map<Integer, Long>> fromB = pool.submit(mapAll(b, 500, files, 2));
            Map<Integer, Long> pa = fromA.get();
            Map<Integer, Long> pb = fromB.get();
            List<Integer> disagree = new ArrayList<>();
            pa.forEach((i, p) -> {
                if (!p.equals(pb.get(i))) {
                    disagree.add(i);
                }
            });
            assertEquals(List.of(), disagree, "files the two servers give different paths");
            assertEquals(files.size(), new HashSet<>(pa.values()).size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Maps every file (device offset by {@code devBase}) in a shuffled order; result by index in {@code files}. */
    private static Callable<Map<Integer, Long>> mapAll(RemapQidMapper m, long devBase, List<long[]> files,
                                                       long seed) {
        return () -> {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            Map<Integer, Long> out = new HashMap<>();
            for (int i : order) {
                out.put(i, m.path(file(devBase + files.get(i)[0], files.get(i)[1])));
            }
            return out;
        };
    }
}
