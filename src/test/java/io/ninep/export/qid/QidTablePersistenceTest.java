package io.ninep.export.qid;

import static io.ninep.export.qid.Mappers.file;
import static io.ninep.export.qid.TwoTmpfsExport.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.fs.FileId;
import io.ninep.fs.FsException;
import io.ninep.fs.local.LocalFileSystem;
import io.ninep.posix.Errno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table survives restarts, detects corruption, and never lets two files share a path. */
class QidTablePersistenceTest {
    private static final List<String> FILES = new ArrayList<>();

    static TwoTmpfsExport export;
    static LocalFileSystem fs;
    static long rootDevice;

    @TempDir
    Path dir;

    @BeforeAll
    static void mount() throws Exception {
        export = TwoTmpfsExport.create();
        for (String base : List.of("t1", "t2")) {
            for (int i = 0; i < 5; i++) {
                FILES.add(base + "/f" + i);
                FILES.add(base + "/d" + i + "/g");
            }
            FILES.add(base);
        }
        FILES.add("plain");
        for (String f : FILES) {
            if (f.contains("/") || f.equals("plain")) {
                export.file(f);
            }
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

    private RemapQidMapper mapper(Path table) {
        return Mappers.real(export.root, rootDevice, table, 1000);
    }

    private static Map<String, Long> pathsOf(RemapQidMapper m, List<String> files) {
        Map<String, Long> out = new LinkedHashMap<>();
        files.forEach(f -> out.put(f, m.path(id(fs, f))));
        return out;
    }

    @Test
    void restartedServerGivesEveryFileTheSamePath() {
        Path table = dir.resolve("table");
        Map<String, Long> before;
        try (RemapQidMapper first = mapper(table)) {
            before = pathsOf(first, FILES);
            assertEquals(QidTableStatus.Persistence.SAVED, first.status().persistence());
            assertEquals(2, first.status().prefixEntries());
        }
        List<String> reversed = new ArrayList<>(FILES);
        Collections.reverse(reversed);
        try (RemapQidMapper second = mapper(table)) {
            Map<String, Long> after = pathsOf(second, reversed);
            before.forEach((f, p) -> assertEquals(p, after.get(f), f));
            assertEquals(0, second.status().saves(), "nothing new to save after a restart");
        }
    }

    @Test
    void savesReplaceTheTableAtomicallyAndLeaveNoTemporaryFile() throws Exception {
        Path table = dir.resolve("table");
        try (RemapQidMapper m = mapper(table)) {
            pathsOf(m, FILES);
            assertTrue(m.status().lastSave().isPresent());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("table", "table.lock"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        assertEquals(2, new TableStore(table).read().prefixes().size());
    }

    @Test
    void corruptTableIsDetectedCountedSetAsideAndCausesNoCollision() throws Exception {
        Path table = dir.resolve("table");
        try (RemapQidMapper first = mapper(table)) {
            pathsOf(first, FILES);
        }
        byte[] raw = Files.readAllBytes(table);
        raw[raw.length / 2] ^= 0x5a;
        Files.write(table, raw);

        try (RemapQidMapper second = mapper(table)) {
            assertEquals(1, second.status().loadFailures());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("table.corrupt-")).count());
            }
            Map<String, Long> after = pathsOf(second, FILES);
            assertEquals(FILES.size(), new HashSet<>(after.values()).size(), "two files share a path: " + after);
            assertEquals(QidTableStatus.Persistence.SAVED, second.status().persistence());
        }
        assertEquals(2, new TableStore(table).read().prefixes().size(), "a fresh table replaced the corrupt one");
    }

    @Test
    void fullTableRefusesNewFilesWithEoverflowRatherThanColliding() {
        try (RemapQidMapper m = Mappers.real(export.root, rootDevice, dir.resolve("table"), 1)) {
            long t1 = m.path(id(fs, "t1/f0"));
            FsException e = assertThrows(FsException.class, () -> m.path(id(fs, "t2/f0")));
            assertEquals(Errno.EOVERFLOW, e.errno());
            assertEquals(1, m.status().overflows());
            assertEquals(t1, m.path(id(fs, "t1/f0")), "files already mapped keep their path");
            assertEquals(id(fs, "plain").inode(), m.path(id(fs, "plain")), "the root device needs no entry");
        }
    }

    @Test
    void deviceWithScatteredHighInodeBitsUsesTheFullMapAndKeepsPathsAcrossRestart() {
        Path table = dir.resolve("table");
        long dev = 900;
        List<FileId> files = new ArrayList<>();
        for (long high = 0; high < 3 * PathLayout.PREFIXES_PER_DEVICE; high++) {
            files.add(file(dev, (high << 48) | 7));
        }
        Map<FileId, Long> before = new HashMap<>();
        try (RemapQidMapper m = Mappers.injected(1, Map.of(dev, "/hashed"), table, 1000)) {
            files.forEach(f -> before.put(f, m.path(f)));
            QidTableStatus s = m.status();
            assertEquals(PathLayout.PREFIXES_PER_DEVICE, s.prefixEntries(), "a device's prefix quota");
            assertEquals(files.size() - PathLayout.PREFIXES_PER_DEVICE, s.fullMapEntries());
            assertEquals(0, s.pinnedEntries(), "full-map paths are hashes: nothing to store");
        }
        assertEquals(files.size(), new HashSet<>(before.values()).size());
        try (RemapQidMapper m = Mappers.injected(2, Map.of(dev + 1, "/hashed"), table, 1000)) {
            before.forEach((f, p) -> assertEquals(p, m.path(file(dev + 1, f.inode()))));
        }
    }

    @Test
    void fullMapHashCollisionIsResolvedPinnedAndKeptAcrossRestart() throws Exception {
        Path table = dir.resolve("table");
        long dev = 901;
        long taken = PathLayout.fullMapCandidate("/x", 7, 0);
        new TableStore(table).write(new TableContents(1, 0, List.of("/x"), List.of(),
                List.of(new TableContents.PinEntry(0, 5, taken))));
        long seven;
        try (RemapQidMapper m = Mappers.injected(1, Map.of(dev, "/x"), table, 1000)) {
            spendPrefixQuota(m, dev);
            assertEquals(taken, m.path(file(dev, 5)), "the stored pin wins");
            seven = m.path(file(dev, 7));
            assertNotEquals(taken, seven, "inode 7's first hash belongs to inode 5");
            assertEquals(1, m.status().collisionsAvoided());
            assertEquals(2, m.status().pinnedEntries());
        }
        try (RemapQidMapper m = Mappers.injected(1, Map.of(dev, "/x"), table, 1000)) {
            spendPrefixQuota(m, dev);
            assertEquals(seven, m.path(file(dev, 7)), "met first after the restart, it still gets its pinned path");
            assertEquals(taken, m.path(file(dev, 5)));
        }
    }

    /** Makes every later high-bits range of {@code dev} (including 0) go to the full map. */
    private static void spendPrefixQuota(RemapQidMapper m, long dev) {
        for (long high = 1; high <= PathLayout.PREFIXES_PER_DEVICE; high++) {
            m.path(file(dev, high << 48));
        }
    }

    @Test
    void memoryOnlyTableWritesNothing() throws Exception {
        try (RemapQidMapper m = Mappers.injected(1, Map.of(5L, "/a"), null, 1000)) {
            assertNotEquals(3L, m.path(file(5, 3)));
            assertEquals(QidTableStatus.Persistence.NONE, m.status().persistence());
            assertFalse(m.status().location().isPresent());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void unwritableTableIsCountedAndMappingsStillNeverCollide() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "a file where the table's directory should be");
        try (RemapQidMapper m = Mappers.injected(1, Map.of(5L, "/a", 6L, "/b"), blocker.resolve("table"), 1000)) {
            long a = m.path(file(5, 3));
            long b = m.path(file(6, 3));
            assertNotEquals(a, b);
            assertEquals(QidTableStatus.Persistence.FAILING, m.status().persistence());
            assertTrue(m.status().persistenceFailures() >= 1);
        }
    }
}
