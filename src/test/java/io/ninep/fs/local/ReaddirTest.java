package io.ninep.fs.local;

import static io.ninep.fs.local.LocalFs.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.FileId;
import io.ninep.fs.FileType;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.fs.OpenMode.Access;
import io.ninep.posix.Errno;

@ExtendWith(FdLeakCheck.class)
class ReaddirTest {
    @TempDir
    Path tmp;
    LocalFs t;

    @BeforeEach
    void setUp() {
        t = LocalFs.in(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        t.close();
    }

    record Entry(String name, FileId id, long cookie) {
    }

    private static OpenMode directory() {
        return new OpenMode(Access.READ, false, false, false, false, false, true, false, false);
    }

    /** Everything from {@code cookie} on, with a sink that takes at most {@code batch} entries per call. */
    private List<Entry> list(OpenFile dir, long cookie, int batch) {
        List<Entry> all = new ArrayList<>();
        while (true) {
            List<Entry> got = new ArrayList<>();
            t.fs.readdir(dir, cookie, (name, id, next) -> {
                if (got.size() == batch) {
                    return false;
                }
                got.add(new Entry(name, id, next));
                return true;
            });
            if (got.isEmpty()) {
                return all;
            }
            all.addAll(got);
            cookie = got.get(got.size() - 1).cookie();
        }
    }

    private static Set<String> names(List<Entry> entries) {
        Set<String> names = new HashSet<>();
        for (Entry e : entries) {
            assertTrue(names.add(e.name()), "listed twice: " + e.name());
        }
        return names;
    }

    private Set<String> hundredFiles() throws Exception {
        Path d = t.export.resolve("d");
        Files.createDirectories(d);
        Set<String> expected = new HashSet<>(Set.of(".", ".."));
        for (int i = 0; i < 100; i++) {
            Files.writeString(d.resolve("file-" + i), "");
            expected.add("file-" + i);
        }
        return expected;
    }

    @Test
    void listsAllHundredEntriesAtOnce() throws Exception {
        Set<String> expected = hundredFiles();
        List<Entry> all = list(t.open(t.walk("d"), directory()), 0, Integer.MAX_VALUE);
        assertEquals(102, all.size());
        assertEquals(expected, names(all));
    }

    @Test
    void smallBatchesResumeFromTheLastCookieWithoutGapsOrRepeats() throws Exception {
        Set<String> expected = hundredFiles();
        for (int batch : new int[] {1, 3, 7}) {
            List<Entry> all = list(t.open(t.walk("d"), directory()), 0, batch);
            assertEquals(expected, names(all), "batch " + batch);
        }
    }

    @Test
    void cookiesStayValidAcrossReopen() throws Exception {
        Set<String> expected = hundredFiles();
        List<Entry> first;
        try (OpenFile one = t.fs.open(t.walk("d"), directory(), LocalFs.ROOT)) {
            first = list(one, 0, Integer.MAX_VALUE).subList(0, 40);
        }
        try (OpenFile two = t.fs.open(t.walk("d"), directory(), LocalFs.ROOT)) {
            List<Entry> rest = list(two, first.get(first.size() - 1).cookie(), 9);
            List<Entry> all = new ArrayList<>(first);
            all.addAll(rest);
            assertEquals(expected, names(all));
        }
    }

    @Test
    void directoryLargerThanOneGetdentsBufferIsListedWhole() throws Exception {
        Path d = t.export.resolve("big");
        Files.createDirectories(d);
        Set<String> expected = new HashSet<>(Set.of(".", ".."));
        for (int i = 0; i < 1500; i++) {
            String name = "a-rather-long-file-name-to-fill-buffers-" + i;
            Files.writeString(d.resolve(name), "");
            expected.add(name);
        }
        OpenFile dir = t.open(t.walk("big"), directory());
        assertEquals(expected, names(list(dir, 0, Integer.MAX_VALUE)));
        assertEquals(expected, names(list(dir, 0, 500)));
    }

    @Test
    void rootDotDotShowsTheRootItself() {
        t.write("f", "x");
        Node root = t.root();
        List<Entry> all = list(t.open(root, directory()), 0, Integer.MAX_VALUE);
        Entry dotdot = all.stream().filter(e -> e.name().equals("..")).findFirst().orElseThrow();
        Entry dot = all.stream().filter(e -> e.name().equals(".")).findFirst().orElseThrow();
        assertEquals(root.id().inode(), dotdot.id().inode());
        assertEquals(root.id().device(), dotdot.id().device());
        assertEquals(FileType.DIRECTORY, dotdot.id().type());
        assertEquals(root.id().inode(), dot.id().inode());
    }

    @Test
    void subdirectoryDotDotShowsItsParent() {
        t.write("a/b/f", "x");
        Node a = t.walk("a");
        List<Entry> all = list(t.open(t.walk("a", "b"), directory()), 0, Integer.MAX_VALUE);
        Entry dotdot = all.stream().filter(e -> e.name().equals("..")).findFirst().orElseThrow();
        assertEquals(a.id().inode(), dotdot.id().inode());
    }

    @Test
    void entriesCarryTypeInodeAndDevice() throws Exception {
        Path f = t.write("d/file", "x");
        Files.createDirectories(t.export.resolve("d/sub"));
        Files.createSymbolicLink(t.export.resolve("d/link"), Path.of("file"));
        Node d = t.walk("d");
        t.keep(t.fs.mknod(d, "fifo", 0010644, 0, 0, LocalFs.ROOT));
        List<Entry> all = list(t.open(d, directory()), 0, Integer.MAX_VALUE);
        FileId file = byName(all, "file");
        assertEquals(FileType.REGULAR, file.type());
        assertEquals(((Number) Files.getAttribute(f, "unix:ino")).longValue(), file.inode());
        assertEquals(d.id().device(), file.device());
        assertEquals(0, file.version());
        assertEquals(FileType.DIRECTORY, byName(all, "sub").type());
        assertEquals(FileType.SYMLINK, byName(all, "link").type());
        assertEquals(FileType.FIFO, byName(all, "fifo").type());
    }

    private static FileId byName(List<Entry> all, String name) {
        return all.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void emptyDirectoryListsDotAndDotDotThenEnds() throws Exception {
        Files.createDirectories(t.export.resolve("empty"));
        OpenFile dir = t.open(t.walk("empty"), OpenMode.readOnly());
        List<Entry> all = list(dir, 0, Integer.MAX_VALUE);
        assertEquals(Set.of(".", ".."), names(all));
        List<Entry> after = new ArrayList<>();
        t.fs.readdir(dir, all.get(all.size() - 1).cookie(), (n, id, c) -> after.add(new Entry(n, id, c)));
        assertTrue(after.isEmpty());
    }

    @Test
    void readdirOnAFileGivesEnotdir() {
        t.write("f", "x");
        OpenFile f = t.open(t.walk("f"), OpenMode.readOnly());
        assertErrno(Errno.ENOTDIR, () -> t.fs.readdir(f, 0, (n, id, c) -> true));
    }

    @Test
    void concurrentListingsOnOneHandleDoNotInterleave() throws Exception {
        Set<String> expected = hundredFiles();
        OpenFile dir = t.open(t.walk("d"), directory());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Set<String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int batch = 2 + i;
                results.add(pool.submit(() -> names(list(dir, 0, batch))));
            }
            for (Future<Set<String>> r : results) {
                assertEquals(expected, r.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
