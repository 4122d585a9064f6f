package io.ninep.fs.local;

import static io.ninep.fs.local.LocalFs.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.Attributes;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.fs.OpenMode.Access;
import io.ninep.posix.Errno;

@ExtendWith(FdLeakCheck.class)
class RenameRemoveTest {
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

    @Test
    void renameatMovesBetweenDirectories() throws Exception {
        t.write("a/f", "x");
        Files.createDirectories(t.export.resolve("b"));
        t.fs.renameat(t.walk("a"), "f", t.walk("b"), "g");
        assertEquals("x", Files.readString(t.export.resolve("b/g")));
        assertFalse(Files.exists(t.export.resolve("a/f")));
    }

    @Test
    void renameatErrors() throws Exception {
        t.write("d/f", "x");
        t.write("e/g", "y");
        Node root = t.root();
        assertErrno(Errno.ENOENT, () -> t.fs.renameat(root, "missing", root, "x"));
        assertErrno(Errno.ENOTEMPTY, () -> t.fs.renameat(root, "d", root, "e"));
        assertErrno(Errno.EINVAL, () -> t.fs.renameat(root, "d", t.walk("d"), "inside"));
        assertErrno(Errno.ENOTDIR, () -> t.fs.renameat(root, "d", t.walk("e", "g"), "x"));
    }

    @Test
    void oldNodeFollowsTheFileThroughARename() throws Exception {
        t.write("f", "content");
        Node f = t.walk("f");
        OpenFile open = t.open(f, OpenMode.readOnly());
        Files.move(t.export.resolve("f"), t.export.resolve("moved"));
        assertEquals(7, t.fs.getattr(f).size());
        assertEquals("content", t.readAll(open));
        assertEquals("content", t.readAll(t.open(f, OpenMode.readOnly())));
    }

    @Test
    void renameOfNodeActsOnItsCurrentName() throws Exception {
        t.write("a/f", "x");
        Files.createDirectories(t.export.resolve("b"));
        Node f = t.walk("a", "f");
        Files.move(t.export.resolve("a/f"), t.export.resolve("a/renamed-by-host"));
        t.fs.rename(f, t.walk("b"), "g");
        assertEquals("x", Files.readString(t.export.resolve("b/g")));
        assertFalse(Files.exists(t.export.resolve("a/renamed-by-host")));
        t.fs.rename(f, t.root(), "top");
        assertTrue(Files.exists(t.export.resolve("top")));
    }

    @Test
    void renameOfDirectoryNodeMovesItsTree() throws Exception {
        t.write("a/b/f", "x");
        Node b = t.walk("a", "b");
        t.fs.rename(b, t.root(), "b2");
        assertEquals("x", Files.readString(t.export.resolve("b2/f")));
        assertEquals(b.id().inode(), t.walk("b2").id().inode());
    }

    @Test
    void removeOfNodeActsOnItsCurrentName() throws Exception {
        t.write("f", "x");
        Node f = t.walk("f");
        Files.createDirectories(t.export.resolve("sub"));
        Files.move(t.export.resolve("f"), t.export.resolve("sub/elsewhere"));
        t.fs.remove(f);
        assertFalse(Files.exists(t.export.resolve("sub/elsewhere")));
        assertEquals(0, t.fs.getattr(f).nlink());
    }

    @Test
    void removeOfDirectoryNode() throws Exception {
        t.write("d/f", "x");
        Node d = t.walk("d");
        assertErrno(Errno.ENOTEMPTY, () -> t.fs.remove(d));
        Files.delete(t.export.resolve("d/f"));
        t.fs.remove(d);
        assertFalse(Files.exists(t.export.resolve("d")));
    }

    @Test
    void removeOrRenameOfUnlinkedNodeGivesEnoent() throws Exception {
        t.write("f", "x");
        Node f = t.walk("f");
        Files.delete(t.export.resolve("f"));
        Node root = t.root();
        assertErrno(Errno.ENOENT, () -> t.fs.remove(f));
        assertErrno(Errno.ENOENT, () -> t.fs.rename(f, root, "back"));
    }

    @Test
    void removeAfterTheNameWasReusedLeavesTheNewFile() throws Exception {
        t.write("f", "old");
        Node f = t.walk("f");
        Files.delete(t.export.resolve("f"));
        t.write("f", "new");
        assertErrno(Errno.ENOENT, () -> t.fs.remove(f));
        assertEquals("new", Files.readString(t.export.resolve("f")));
    }

    @Test
    void nodeMovedOutOfTheExportGivesEstaleAndIsLeftAlone() throws Exception {
        t.write("f", "x");
        Node f = t.walk("f");
        Path away = t.outside.resolve("f");
        Files.move(t.export.resolve("f"), away);
        Node root = t.root();
        assertErrno(Errno.ESTALE, () -> t.fs.remove(f));
        assertErrno(Errno.ESTALE, () -> t.fs.rename(f, root, "back"));
        assertTrue(Files.exists(away));
    }

    @Test
    void dotDotOfDirectoryMovedOutOfTheExportGivesEnoent() throws Exception {
        t.write("d/f", "x");
        Node d = t.walk("d");
        Files.move(t.export.resolve("d"), t.outside.resolve("d"));
        assertErrno(Errno.ENOENT, () -> t.fs.walk(d, ".."));
    }

    @Test
    void removeOrRenameOfTheRootGivesEbusy() {
        Node root = t.root();
        assertErrno(Errno.EBUSY, () -> t.fs.remove(root));
        assertErrno(Errno.EBUSY, () -> t.fs.rename(root, root, "x"));
        assertErrno(Errno.EBUSY, () -> t.fs.remove(t.walk("..")));
    }

    @Test
    void unlinkatRemovesFilesAndDirectoriesAsAsked() {
        t.write("f", "x");
        t.write("d/g", "y");
        t.write("e/.keep", "");
        Node root = t.root();
        assertErrno(Errno.EISDIR, () -> t.fs.unlinkat(root, "d", false));
        assertErrno(Errno.ENOTDIR, () -> t.fs.unlinkat(root, "f", true));
        assertErrno(Errno.ENOTEMPTY, () -> t.fs.unlinkat(root, "d", true));
        assertErrno(Errno.ENOENT, () -> t.fs.unlinkat(root, "missing", false));
        t.fs.unlinkat(root, "f", false);
        t.fs.unlinkat(t.walk("d"), "g", false);
        t.fs.unlinkat(root, "d", true);
        assertFalse(Files.exists(t.export.resolve("d")));
    }

    @Test
    void unlinkatOfASymlinkRemovesTheLinkNotItsTarget() throws Exception {
        Path target = t.outside.resolve("secret");
        Files.createSymbolicLink(t.export.resolve("link"), target);
        t.fs.unlinkat(t.root(), "link", false);
        assertTrue(Files.exists(target));
    }

    @Test
    void openUnlinkFstat() throws Exception {
        t.write("f", "before");
        Node f = t.walk("f");
        OpenFile open = t.open(f, LocalFs.mode(Access.READ_WRITE));
        t.fs.unlinkat(t.root(), "f", false);
        Attributes a = t.fs.getattr(f);
        assertEquals(0, a.nlink());
        assertEquals(6, a.size());
        assertEquals("before", t.readAll(open));
        t.write(open, 6, "+after");
        assertEquals("before+after", t.readAll(open));
        t.fs.setattr(f, new AttributeChange(0600, null, null, 6L, null, AttributeChange.NOW, false), LocalFs.ROOT);
        Attributes b = t.fs.getattr(f);
        assertEquals(0100600, b.mode());
        assertEquals(6, b.size());
        ByteBuffer rest = ByteBuffer.allocate(10);
        assertEquals(0, t.fs.read(open, 6, rest));
        assertEquals("before", t.readAll(t.open(f, OpenMode.readOnly())));
    }
}
