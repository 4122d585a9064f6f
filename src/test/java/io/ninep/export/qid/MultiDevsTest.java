package io.ninep.export.qid;

import static io.ninep.export.qid.TwoTmpfsExport.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.fs.FileId;
import io.ninep.fs.FileSystem;
import io.ninep.fs.FsException;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.fs.local.LocalFileSystem;
import io.ninep.posix.Errno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three multidevs policies on an export with two tmpfs mounts whose files share inode numbers. */
class MultiDevsTest {
    private static final List<String> FILES = List.of("", "plain", "t1", "t2", "t1/f", "t2/f", "t1/d/g", "t2/d/g");

    static TwoTmpfsExport export;
    static LocalFileSystem fs;

    @TempDir
    Path tables;

    @BeforeAll
    static void mount() throws Exception {
        export = TwoTmpfsExport.create();
        export.file("t1/f");
        export.file("t2/f");
        export.file("t1/d/g");
        export.file("t2/d/g");
        export.file("plain");
        fs = export.open();
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

    private LocalQid.Wiring wire(MultiDevs mode) {
        return LocalQid.wire("qid-test", new QidSettings(mode, Optional.of(tables.resolve("table")), 1000),
                export.root, fs);
    }

    @Test
    void filesOnTheTwoTmpfsShareInodeNumbers() {
        FileId a = id(fs, "t1/f");
        FileId b = id(fs, "t2/f");
        assertEquals(a.inode(), b.inode(), "fresh tmpfs instances number their inodes alike");
        assertNotEquals(a.device(), b.device());
    }

    @Test
    void remapGivesEveryFileADistinctPath() {
        try (ExportQidMapper m = wire(MultiDevs.REMAP).mapper()) {
            Map<Long, String> owners = new HashMap<>();
            for (String f : FILES) {
                String before = owners.put(m.path(id(fs, f)), f);
                assertEquals(null, before, f + " got the path of " + before);
            }
        }
    }

    @Test
    void remapLeavesPathsOfTheRootDeviceEqualToInodes() {
        try (ExportQidMapper m = wire(MultiDevs.REMAP).mapper()) {
            FileId plain = id(fs, "plain");
            assertEquals(plain.inode(), m.path(plain));
            assertEquals(0, m.status().prefixEntries(), "no entry is needed for the root's own device");
        }
    }

    @Test
    void remapDistinguishesReaddirEntriesOfTheTwoMounts() {
        try (ExportQidMapper m = wire(MultiDevs.REMAP).mapper()) {
            Set<Long> t1 = new HashSet<>(listedPaths(m, "t1"));
            List<Long> t2 = listedPaths(m, "t2");
            assertFalse(t2.isEmpty());
            t2.forEach(p -> assertFalse(t1.contains(p), "an entry of t2 has the path of one of t1"));
        }
    }

    @Test
    void forbidAnswersEnodevForEveryFileOfAnotherDevice() {
        try (ExportQidMapper m = wire(MultiDevs.FORBID).mapper()) {
            assertEquals(id(fs, "plain").inode(), m.path(id(fs, "plain")));
            for (String f : List.of("t1", "t2", "t1/f", "t2/d/g")) {
                FsException e = assertThrows(FsException.class, () -> m.path(id(fs, f)), f);
                assertEquals(Errno.ENODEV, e.errno(), f);
            }
            assertEquals(2, m.status().foreignDevices());
        }
    }

    @Test
    void warnGivesRawInodesAndCountsEachOtherDeviceOnce() {
        try (ExportQidMapper m = wire(MultiDevs.WARN).mapper()) {
            for (String f : FILES) {
                assertEquals(id(fs, f).inode(), m.path(id(fs, f)), f);
            }
            assertEquals(m.path(id(fs, "t1/f")), m.path(id(fs, "t2/f")), "warn keeps the collision it warns of");
            assertEquals(2, m.status().foreignDevices());
            assertEquals(QidTableStatus.Persistence.NONE, m.status().persistence());
        }
    }

    @Test
    void defaultTableLivesInTheExportRootHiddenFromClients() throws Exception {
        QidSettings settings = QidSettings.parse("ninep.exports.\"qid-test\".", export.root, "remap",
                Optional.empty(), 1000);
        LocalQid.Wiring w = LocalQid.wire("qid-test", settings, export.root, fs);
        Path table = export.root.resolve(QidSettings.DEFAULT_TABLE);
        try (ExportQidMapper m = w.mapper()) {
            m.path(id(fs, "t1/f"));
            assertTrue(Files.exists(table), "the first prefix is saved at once");
            FileSystem served = w.fileSystem();
            FsException e = assertThrows(FsException.class, () -> id(served, QidSettings.DEFAULT_TABLE));
            assertEquals(Errno.ENOENT, e.errno());
            assertFalse(rootNames(served).contains(QidSettings.DEFAULT_TABLE));
            assertTrue(rootNames(served).contains("plain"));
        } finally {
            Files.deleteIfExists(table);
            Files.deleteIfExists(table.resolveSibling(QidSettings.DEFAULT_TABLE + ".lock"));
        }
    }

    private static List<Long> listedPaths(ExportQidMapper m, String dir) {
        List<Long> out = new ArrayList<>();
        try (Node n = walk(dir); OpenFile f = fs.open(n, dirMode(), null)) {
            fs.readdir(f, 0, (name, id, next) -> {
                if (!name.equals("..")) {
                    out.add(m.path(id));
                }
                return true;
            });
        }
        return out;
    }

    private static List<String> rootNames(FileSystem served) {
        List<String> out = new ArrayList<>();
        try (Node n = served.root(); OpenFile f = served.open(n, dirMode(), null)) {
            served.readdir(f, 0, (name, id, next) -> out.add(name));
        }
        return out;
    }

    private static Node walk(String dir) {
        Node root = fs.root();
        try {
            return fs.walk(root, dir);
        } finally {
            root.close();
        }
    }

    static OpenMode dirMode() {
        return new OpenMode(OpenMode.Access.READ, false, false, false, false, false, true, false, false);
    }
}
