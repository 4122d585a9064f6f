package io.ninep.fs.local;

import static io.ninep.fs.local.LocalFs.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.FileType;
import io.ninep.fs.Node;
import io.ninep.posix.Errno;

@ExtendWith(FdLeakCheck.class)
class WalkTest {
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
    void walkFindsNestedFileWithItsInode() throws Exception {
        Path file = t.write("a/b/c.txt", "x");
        Node c = t.walk("a", "b", "c.txt");
        assertEquals(FileType.REGULAR, c.id().type());
        assertEquals(((Number) Files.getAttribute(file, "unix:ino")).longValue(), c.id().inode());
        assertEquals(((Number) Files.getAttribute(file, "unix:dev")).longValue(), c.id().device());
    }

    @Test
    void rootIsTheExportDirectory() throws Exception {
        Node root = t.root();
        assertEquals(FileType.DIRECTORY, root.id().type());
        assertEquals(((Number) Files.getAttribute(t.export, "unix:ino")).longValue(), root.id().inode());
    }

    @Test
    void missingNameGivesEnoent() {
        assertErrno(Errno.ENOENT, () -> t.fs.walk(t.root(), "missing"));
    }

    @Test
    void walkFromAFileGivesEnotdir() {
        t.write("f", "x");
        Node f = t.walk("f");
        assertErrno(Errno.ENOTDIR, () -> t.fs.walk(f, "x"));
        assertErrno(Errno.ENOTDIR, () -> t.fs.walk(f, ".."));
    }

    @Test
    void dotDotOfSubdirectoryIsItsParent() {
        t.write("a/b/f", "x");
        Node a = t.walk("a");
        Node up = t.walk("a", "b", "..");
        assertEquals(a.id().inode(), up.id().inode());
    }

    @Test
    void invalidNamesGiveEinval() {
        Node root = t.root();
        for (String bad : new String[] {"", ".", "a/b", "/", "a\0b", "\0"}) {
            assertErrno(Errno.EINVAL, () -> t.fs.walk(root, bad));
        }
    }

    @Test
    void symlinkIsReturnedAsSymlinkNode() throws Exception {
        t.write("target", "x");
        Files.createSymbolicLink(t.export.resolve("link"), Path.of("target"));
        Node link = t.walk("link");
        assertEquals(FileType.SYMLINK, link.id().type());
        assertEquals("target", t.fs.readlink(link));
    }

    @Test
    void duplicateIsAnIndependentHandle() {
        t.write("f", "hello");
        Node f = t.walk("f");
        Node copy = t.fs.duplicate(f);
        f.close();
        assertEquals(f.id(), copy.id());
        assertEquals(5, t.fs.getattr(copy).size());
        copy.close();
    }

    @Test
    void closeIsIdempotentAndAClosedNodeGivesEbadf() {
        Node root = t.fs.root();
        root.close();
        root.close();
        assertErrno(Errno.EBADF, () -> t.fs.getattr(root));
    }

    @Test
    void twoRootHandlesHaveDifferentDescriptors() {
        LocalNode a = (LocalNode) t.root();
        LocalNode b = (LocalNode) t.root();
        assertNotEquals(a.fd(), b.fd());
        assertEquals(a.id().inode(), b.id().inode());
    }
}
