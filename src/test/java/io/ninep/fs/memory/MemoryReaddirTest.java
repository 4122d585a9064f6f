package io.ninep.fs.memory;

import io.ninep.fs.FileId;
import io.ninep.fs.FileType;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.posix.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static io.ninep.fs.memory.FsTesting.READ;
import static io.ninep.fs.memory.FsTesting.USER;
import static io.ninep.fs.memory.FsTesting.assertErrno;
import static io.ninep.fs.memory.FsTesting.file;
import static io.ninep.fs.memory.FsTesting.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryReaddirTest {
    private MemoryFileSystem fs;
    private Node root;
    private Node dir;

    @BeforeEach
    void setUp() {
        fs = new MemoryFileSystem("readdir", 1 << 24);
        root = fs.root();
        dir = fs.mkdir(root, "dir", 0755, USER);
    }

    private record Entry(String name, FileId id, long next) {
    }

    /** Reads at most {@code max} entries after {@code cookie}, as a Treaddir with a small count would. */
    private List<Entry> batch(OpenFile open, long cookie, int max) {
        List<Entry> entries = new ArrayList<>();
        fs.readdir(open, cookie, (name, id, next) -> {
            if (entries.size() == max) {
                return false;
            }
            entries.add(new Entry(name, id, next));
            return true;
        });
        return entries;
    }

    /** Lists the whole directory in batches of {@code size}, resuming each from the last cookie. */
    private List<String> inBatches(OpenFile open, long start, int size) {
        List<String> names = new ArrayList<>();
        long cookie = start;
        while (true) {
            List<Entry> got = batch(open, cookie, size);
            if (got.isEmpty()) {
                return names;
            }
            got.forEach(e -> names.add(e.name()));
            cookie = got.get(got.size() - 1).next();
        }
    }

    private void populate(int count) {
        for (int i = 0; i < count; i++) {
            file(fs, dir, "f" + i, "").close();
        }
    }

    private static List<String> expected(int count) {
        List<String> names = new ArrayList<>(List.of(".", ".."));
        for (int i = 0; i < count; i++) {
            names.add("f" + i);
        }
        return names;
    }

    @Test
    void emptyDirectoryListsDotAndDotDot() {
        try (OpenFile open = fs.open(dir, READ, USER)) {
            List<Entry> all = batch(open, 0, 10);
            assertEquals(2, all.size());
            assertEquals(".", all.get(0).name());
            assertEquals(dir.id().inode(), all.get(0).id().inode());
            assertEquals(FileType.DIRECTORY, all.get(0).id().type());
            assertEquals("..", all.get(1).name());
            assertEquals(root.id().inode(), all.get(1).id().inode());
        }
    }

    @Test
    void hundredEntriesListWhole() {
        populate(100);
        assertEquals(expected(100), names(fs, dir));
    }

    @Test
    void hundredEntriesListInSmallBatchesResumingFromTheLastCookie() {
        populate(100);
        try (OpenFile open = fs.open(dir, READ, USER)) {
            assertEquals(expected(100), inBatches(open, 0, 7));
            assertEquals(expected(100), inBatches(open, 0, 1));
        }
    }

    @Test
    void listingLongerThanOneInternalBatchIsWhole() {
        populate(300);
        assertEquals(expected(300), names(fs, dir));
    }

    @Test
    void sinkMayChangeTheDirectoryWhileListing() {
        populate(3);
        List<String> seen = new ArrayList<>();
        try (OpenFile open = fs.open(dir, READ, USER)) {
            fs.readdir(open, 0, (name, id, next) -> {
                seen.add(name);
                if (name.equals("f0")) {
                    fs.unlinkat(dir, "f1", false);
                    file(fs, dir, "added", "").close();
                }
                return true;
            });
        }
        // POSIX leaves it open whether entries changed mid-listing show; the others show exactly once.
        assertTrue(seen.containsAll(List.of(".", "..", "f0", "f2")));
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void cookiesStayValidAcrossDeletesAndInserts() {
        populate(10);
        try (OpenFile open = fs.open(dir, READ, USER)) {
            List<Entry> first = batch(open, 0, 6);
            assertEquals("f3", first.get(5).name());
            fs.unlinkat(dir, "f3", false);
            fs.unlinkat(dir, "f1", false);
            fs.unlinkat(dir, "f4", false);
            file(fs, dir, "late", "").close();
            List<String> rest = inBatches(open, first.get(5).next(), 2);
            assertEquals(List.of("f5", "f6", "f7", "f8", "f9", "late"), rest);
        }
    }

    @Test
    void cookiesStayValidAfterReopen() {
        populate(5);
        long cookie;
        try (OpenFile open = fs.open(dir, READ, USER)) {
            cookie = batch(open, 0, 4).get(3).next();
        }
        try (OpenFile again = fs.open(dir, READ, USER)) {
            assertEquals(List.of("f2", "f3", "f4"), inBatches(again, cookie, 10));
        }
    }

    @Test
    void recreatedEntryMovesToTheEnd() {
        populate(3);
        fs.unlinkat(dir, "f0", false);
        file(fs, dir, "f0", "").close();
        assertEquals(List.of(".", "..", "f1", "f2", "f0"), names(fs, dir));
    }

    @Test
    void dotAndDotDotHaveFixedCookiesBeforeTheEntries() {
        populate(1);
        try (OpenFile open = fs.open(dir, READ, USER)) {
            List<Entry> all = batch(open, 0, 10);
            assertEquals(1, all.get(0).next());
            assertEquals(2, all.get(1).next());
            assertTrue(all.get(2).next() > 2);
            assertEquals(List.of("..", "f0"), inBatches(open, 1, 10));
            assertEquals(List.of("f0"), inBatches(open, 2, 10));
        }
    }

    @Test
    void refusedEntryIsOfferedAgainOnResume() {
        populate(2);
        try (OpenFile open = fs.open(dir, READ, USER)) {
            List<String> offered = new ArrayList<>();
            fs.readdir(open, 2, (name, id, next) -> {
                offered.add(name);
                return false;
            });
            assertEquals(List.of("f0"), offered);
            assertEquals("f0", batch(open, 2, 1).get(0).name());
        }
    }

    @Test
    void cookiePastEveryEntryListsNothing() {
        populate(2);
        try (OpenFile open = fs.open(dir, READ, USER)) {
            assertTrue(batch(open, 1_000_000, 10).isEmpty());
            assertTrue(batch(open, -1, 10).isEmpty());
        }
    }

    @Test
    void entryIdsCarryTypeAndInode() {
        Node sub = fs.mkdir(dir, "sub", 0755, USER);
        Node link = fs.symlink(dir, "link", "sub", USER);
        try (OpenFile open = fs.open(dir, READ, USER)) {
            List<Entry> all = batch(open, 2, 10);
            assertEquals(sub.id(), all.get(0).id());
            assertEquals(FileType.SYMLINK, all.get(1).id().type());
            assertEquals(link.id().inode(), all.get(1).id().inode());
        }
    }

    @Test
    void readdirOfAFileIsEnotdir() {
        Node f = file(fs, dir, "f", "");
        try (OpenFile open = fs.open(f, READ, USER)) {
            assertErrno(Errno.ENOTDIR, () -> fs.readdir(open, 0, (name, id, next) -> true));
        }
    }

    @Test
    void readdirOfARemovedDirectoryIsEnoent() {
        try (OpenFile open = fs.open(dir, READ, USER)) {
            fs.unlinkat(root, "dir", true);
            assertErrno(Errno.ENOENT, () -> fs.readdir(open, 0, (name, id, next) -> true));
        }
    }

    @Test
    void renamedEntryIsListedOnceInItsNewPlace() {
        populate(3);
        fs.renameat(dir, "f0", dir, "moved");
        List<String> names = names(fs, dir);
        assertEquals(List.of(".", "..", "f1", "f2", "moved"), names);
        assertFalse(names.contains("f0"));
    }
}
