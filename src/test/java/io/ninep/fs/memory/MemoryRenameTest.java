package io.ninep.fs.memory;

import io.ninep.fs.Attributes;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.posix.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ninep.fs.memory.FsTesting.READ;
import static io.ninep.fs.memory.FsTesting.USER;
import static io.ninep.fs.memory.FsTesting.assertErrno;
import static io.ninep.fs.memory.FsTesting.contentOf;
import static io.ninep.fs.memory.FsTesting.file;
import static io.ninep.fs.memory.FsTesting.names;
import static io.ninep.fs.memory.FsTesting.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class MemoryRenameTest {
    private MemoryFileSystem fs;
    private Node root;

    @BeforeEach
    void setUp() {
        fs = new MemoryFileSystem("rename", 1 << 24);
        root = fs.root();
    }

    @Test
    void renameatMovesAnEntryBetweenDirectories() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        Node a = file(fs, root, "a", "data");
        fs.renameat(root, "a", d, "b");
        assertEquals(List.of(".", "..", "d"), names(fs, root));
        assertEquals(List.of(".", "..", "b"), names(fs, d));
        assertEquals(a.id().inode(), fs.walk(d, "b").id().inode());
        assertEquals("data", contentOf(fs, a));
    }

    @Test
    void renameReplacesAnExistingFile() {
        Node a = file(fs, root, "a", "new");
        Node b = file(fs, root, "b", "old");
        fs.renameat(root, "a", root, "b");
        assertEquals(List.of(".", "..", "b"), names(fs, root));
        assertEquals("new", contentOf(fs, fs.walk(root, "b")));
        assertEquals(0, fs.getattr(b).nlink());
        assertEquals(1, fs.getattr(a).nlink());
    }

    @Test
    void renameOverAnOpenFileLeavesTheOldHandleReadingOldContent() {
        file(fs, root, "new", "replacement");
        Node old = file(fs, root, "target", "original");
        try (OpenFile open = fs.open(old, READ, USER)) {
            fs.renameat(root, "new", root, "target");
            assertEquals("original", read(fs, open, 0, 100));
            assertEquals(0, fs.getattr(old).nlink());
        }
        assertEquals("replacement", contentOf(fs, fs.walk(root, "target")));
    }

    @Test
    void directoryReplacesAnEmptyDirectory() {
        Node src = fs.mkdir(root, "src", 0755, USER);
        file(fs, src, "inside", "");
        Node dst = fs.mkdir(root, "dst", 0755, USER);
        fs.renameat(root, "src", root, "dst");
        assertEquals(List.of(".", "..", "dst"), names(fs, root));
        assertEquals(List.of(".", "..", "inside"), names(fs, fs.walk(root, "dst")));
        assertEquals(0, fs.getattr(dst).nlink());
        assertEquals(3, fs.getattr(root).nlink());
    }

    @Test
    void directoryOverNonEmptyDirectoryIsEnotempty() {
        fs.mkdir(root, "src", 0755, USER);
        Node dst = fs.mkdir(root, "dst", 0755, USER);
        file(fs, dst, "f", "");
        assertErrno(Errno.ENOTEMPTY, () -> fs.renameat(root, "src", root, "dst"));
    }

    @Test
    void directoryOverFileIsEnotdirAndFileOverDirectoryIsEisdir() {
        fs.mkdir(root, "d", 0755, USER);
        file(fs, root, "f", "");
        assertErrno(Errno.ENOTDIR, () -> fs.renameat(root, "d", root, "f"));
        assertErrno(Errno.EISDIR, () -> fs.renameat(root, "f", root, "d"));
    }

    @Test
    void directoryIntoItsOwnSubtreeIsEinval() {
        Node a = fs.mkdir(root, "a", 0755, USER);
        Node b = fs.mkdir(a, "b", 0755, USER);
        assertErrno(Errno.EINVAL, () -> fs.renameat(root, "a", b, "a"));
        assertErrno(Errno.EINVAL, () -> fs.renameat(root, "a", a, "x"));
        assertErrno(Errno.EINVAL, () -> fs.rename(a, b, "x"));
    }

    @Test
    void renameOntoAnotherNameOfTheSameInodeIsANoOp() {
        Node a = file(fs, root, "a", "x");
        fs.link(root, "b", a);
        fs.renameat(root, "a", root, "b");
        fs.renameat(root, "a", root, "a");
        assertEquals(List.of(".", "..", "a", "b"), names(fs, root));
        assertEquals(2, fs.getattr(a).nlink());
    }

    @Test
    void renamingDotDotIsEbusy() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        assertErrno(Errno.EBUSY, () -> fs.renameat(d, "..", root, "x"));
        assertErrno(Errno.EBUSY, () -> fs.renameat(root, "d", d, ".."));
        assertErrno(Errno.EBUSY, () -> fs.rename(d, root, ".."));
    }

    @Test
    void renameOfMissingNameIsEnoent() {
        assertErrno(Errno.ENOENT, () -> fs.renameat(root, "missing", root, "x"));
    }

    @Test
    void renameIntoFileIsEnotdir() {
        Node f = file(fs, root, "f", "");
        file(fs, root, "g", "");
        assertErrno(Errno.ENOTDIR, () -> fs.renameat(root, "g", f, "x"));
    }

    @Test
    void renameIntoRemovedDirectoryIsEnoent() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        fs.unlinkat(root, "d", true);
        file(fs, root, "f", "");
        assertErrno(Errno.ENOENT, () -> fs.renameat(root, "f", d, "f"));
    }

    @Test
    void renameOfTheRootIsEbusy() {
        assertErrno(Errno.EBUSY, () -> fs.rename(root, root, "x"));
    }

    @Test
    void renameThroughANodeMovesTheNameItWasReachedBy() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        Node a = file(fs, root, "a", "");
        fs.link(root, "b", a);
        fs.rename(fs.walk(root, "b"), d, "c");
        assertEquals(List.of(".", "..", "d", "a"), names(fs, root));
        assertEquals(List.of(".", "..", "c"), names(fs, d));
    }

    @Test
    void renameThroughANodeFollowsEarlierRenames() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        Node a = file(fs, root, "a", "");
        fs.renameat(root, "a", d, "b");
        fs.rename(a, root, "c");
        assertEquals(List.of(".", "..", "d", "c"), names(fs, root));
        assertEquals(List.of(".", ".."), names(fs, d));
    }

    @Test
    void renameThroughANodeWhoseNameIsGoneIsEnoent() {
        Node a = file(fs, root, "a", "");
        fs.unlinkat(root, "a", false);
        assertErrno(Errno.ENOENT, () -> fs.rename(a, root, "b"));
    }

    @Test
    void movingADirectoryMovesItsParentLink() {
        Node from = fs.mkdir(root, "from", 0755, USER);
        Node to = fs.mkdir(root, "to", 0755, USER);
        Node sub = fs.mkdir(from, "sub", 0755, USER);
        fs.renameat(from, "sub", to, "sub");
        assertEquals(2, fs.getattr(from).nlink());
        assertEquals(3, fs.getattr(to).nlink());
        assertEquals(to.id().inode(), fs.walk(sub, "..").id().inode());
    }

    @Test
    void renameChangesBothDirectoriesAndTheFilesCtime() throws InterruptedException {
        Node from = fs.mkdir(root, "from", 0755, USER);
        Node to = fs.mkdir(root, "to", 0755, USER);
        Node f = file(fs, from, "f", "");
        Attributes fromBefore = fs.getattr(from);
        Attributes toBefore = fs.getattr(to);
        Attributes fileBefore = fs.getattr(f);
        Thread.sleep(2);
        fs.renameat(from, "f", to, "g");
        assertNotEquals(fromBefore.mtime(), fs.getattr(from).mtime());
        assertNotEquals(fromBefore.id().version(), fs.getattr(from).id().version());
        assertNotEquals(toBefore.mtime(), fs.getattr(to).mtime());
        assertNotEquals(fileBefore.ctime(), fs.getattr(f).ctime());
        assertEquals(fileBefore.mtime(), fs.getattr(f).mtime());
        assertEquals(fileBefore.id().version(), fs.getattr(f).id().version());
    }
}
