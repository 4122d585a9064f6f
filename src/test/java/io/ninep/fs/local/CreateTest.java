package io.ninep.fs.local;

import static io.ninep.fs.local.LocalFs.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.Attributes;
import io.ninep.fs.FileSystem.Created;
import io.ninep.fs.FileType;
import io.ninep.fs.Node;
import io.ninep.fs.OpenMode;
import io.ninep.fs.OpenMode.Access;
import io.ninep.posix.Errno;

@ExtendWith(FdLeakCheck.class)
class CreateTest {
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

    private static OpenMode exclusive() {
        return new OpenMode(Access.READ_WRITE, false, false, true, false, false, false, false, false);
    }

    private static OpenMode truncating() {
        return new OpenMode(Access.READ_WRITE, false, true, false, false, false, false, false, false);
    }

    private Created create(Node dir, String name, OpenMode mode, int perm) {
        Created c = t.fs.create(dir, name, mode, perm, LocalFs.CLIENT);
        t.keep(c.node());
        t.keep(c.file());
        return c;
    }

    private static int uid(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int gid(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int mode(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void createMakesAnOpenRegularFileOwnedByTheClient() throws Exception {
        Created c = create(t.root(), "new", exclusive(), 0666);
        assertEquals(FileType.REGULAR, c.node().id().type());
        t.write(c.file(), 0, "data");
        Path p = t.export.resolve("new");
        assertEquals("data", Files.readString(p));
        assertEquals(LocalFs.CLIENT.uid(), uid(p));
        assertEquals(LocalFs.CLIENT.gid(), gid(p));
        assertEquals(0100666, mode(p), "exact permissions, whatever the server's umask");
        assertEquals(c.node().id().inode(), t.fs.getattr(t.walk("new")).id().inode());
    }

    @Test
    void createKeepsSetuidRequestedDespiteTheChown() throws Exception {
        create(t.root(), "suid", exclusive(), 04755);
        assertEquals(0104755, mode(t.export.resolve("suid")));
    }

    @Test
    void exclusiveCreateOfExistingNameGivesEexist() {
        t.write("f", "old");
        Node root = t.root();
        assertErrno(Errno.EEXIST, () -> t.fs.create(root, "f", exclusive(), 0644, LocalFs.CLIENT));
    }

    @Test
    void nonExclusiveCreateOpensTheExistingFileAndTruncatesWhenAsked() throws Exception {
        Path p = t.write("f", "old content");
        Created c = create(t.root(), "f", truncating(), 0600);
        assertEquals(0, Files.size(p));
        assertEquals(0, uid(p), "an existing file keeps its owner");
        assertEquals(((Number) Files.getAttribute(p, "unix:ino")).longValue(), c.node().id().inode());
    }

    @Test
    void createOverDirectoryGivesEisdirAndOverFifoDoesNotBlock() {
        t.write("d/f", "x");
        Node root = t.root();
        assertErrno(Errno.EISDIR, () -> t.fs.create(root, "d", truncating(), 0644, LocalFs.CLIENT));
        t.keep(t.fs.mknod(root, "fifo", 0010644, 0, 0, LocalFs.ROOT));
        Created c = create(root, "fifo", OpenMode.readOnly(), 0644);
        assertEquals(FileType.FIFO, c.node().id().type());
    }

    @Test
    void createInMissingOrNonDirectoryParentFails() {
        t.write("f", "x");
        Node f = t.walk("f");
        assertErrno(Errno.ENOTDIR, () -> t.fs.create(f, "x", exclusive(), 0644, LocalFs.CLIENT));
    }

    @Test
    void mkdirMakesADirectoryOwnedByTheClientWithExactMode() throws Exception {
        Node d = t.keep(t.fs.mkdir(t.root(), "d", 0777, LocalFs.CLIENT));
        Path p = t.export.resolve("d");
        assertEquals(FileType.DIRECTORY, d.id().type());
        assertEquals(040777, mode(p));
        assertEquals(LocalFs.CLIENT.uid(), uid(p));
        assertEquals(LocalFs.CLIENT.gid(), gid(p));
        Node root = t.root();
        assertErrno(Errno.EEXIST, () -> t.fs.mkdir(root, "d", 0755, LocalFs.CLIENT));
    }

    @Test
    void mkdirInSetgidDirectoryKeepsTheInheritedBit() throws Exception {
        Node parent = t.keep(t.fs.mkdir(t.root(), "shared", 02775, LocalFs.ROOT));
        t.keep(t.fs.mkdir(parent, "child", 0755, LocalFs.CLIENT));
        assertEquals(042755, mode(t.export.resolve("shared/child")));
    }

    @Test
    void symlinkStoresTargetVerbatimAndBelongsToTheClient() throws Exception {
        Node link = t.keep(t.fs.symlink(t.root(), "link", "../../etc/passwd", LocalFs.CLIENT));
        assertEquals(FileType.SYMLINK, link.id().type());
        assertEquals("../../etc/passwd", t.fs.readlink(link));
        Path p = t.export.resolve("link");
        assertEquals(LocalFs.CLIENT.uid(), uid(p));
        assertEquals(Path.of("../../etc/passwd"), Files.readSymbolicLink(p));
    }

    @Test
    void readlinkOfNonSymlinkGivesEinval() {
        t.write("f", "x");
        Node f = t.walk("f");
        assertErrno(Errno.EINVAL, () -> t.fs.readlink(f));
    }

    @Test
    void mknodMakesFifoSocketAndCharDevice() throws Exception {
        Node root = t.root();
        Node fifo = t.keep(t.fs.mknod(root, "fifo", 0010640, 0, 0, LocalFs.CLIENT));
        Node sock = t.keep(t.fs.mknod(root, "sock", 0140600, 0, 0, LocalFs.CLIENT));
        Node chr = t.keep(t.fs.mknod(root, "null", 0020666, 1, 3, LocalFs.CLIENT));
        Node big = t.keep(t.fs.mknod(root, "big", 0060600, 259, 300, LocalFs.CLIENT));
        assertEquals(FileType.FIFO, fifo.id().type());
        assertEquals(FileType.SOCKET, sock.id().type());
        assertEquals(FileType.CHAR_DEVICE, chr.id().type());
        assertEquals(FileType.BLOCK_DEVICE, big.id().type());
        Attributes a = t.fs.getattr(chr);
        assertEquals(0020666, a.mode());
        assertEquals(Linux.makedev(1, 3), a.rdev());
        assertEquals(((Number) Files.getAttribute(t.export.resolve("null"), "unix:rdev")).longValue(), a.rdev());
        assertEquals(((Number) Files.getAttribute(t.export.resolve("big"), "unix:rdev")).longValue(),
                t.fs.getattr(big).rdev());
        assertEquals(0010640, mode(t.export.resolve("fifo")));
        assertEquals(LocalFs.CLIENT.uid(), uid(t.export.resolve("fifo")));
    }

    @Test
    void makedevUsesLinuxEncoding() {
        assertEquals(0x0103, Linux.makedev(1, 3));
        assertEquals(0x0000_1000_12f0_0112L, Linux.makedev(0x1001, 0x12f12));
    }

    @Test
    void mknodOfDirectoryOrSymlinkTypeGivesEinval() {
        Node root = t.root();
        assertErrno(Errno.EINVAL, () -> t.fs.mknod(root, "d", 0040755, 0, 0, LocalFs.CLIENT));
        assertErrno(Errno.EINVAL, () -> t.fs.mknod(root, "l", 0120777, 0, 0, LocalFs.CLIENT));
    }

    @Test
    void hardLinkSharesTheInode() throws Exception {
        t.write("f", "x");
        Node f = t.walk("f");
        t.fs.link(t.root(), "g", f);
        Node g = t.walk("g");
        assertEquals(f.id().inode(), g.id().inode());
        assertEquals(2, t.fs.getattr(f).nlink());
        Node root = t.root();
        assertErrno(Errno.EEXIST, () -> t.fs.link(root, "g", f));
    }

    @Test
    void hardLinkToDirectoryGivesEperm() {
        t.write("d/f", "x");
        Node d = t.walk("d");
        Node root = t.root();
        assertErrno(Errno.EPERM, () -> t.fs.link(root, "d2", d));
    }

    @Test
    void hardLinkThroughProcWorksForFilesAndSymlinks() throws Exception {
        try (LocalFs p = LocalFs.in(tmp.resolve("proc"), new Tuning(true, false))) {
            p.write("f", "x");
            Files.createSymbolicLink(p.export.resolve("link"), Path.of("f"));
            Node f = p.walk("f");
            Node link = p.walk("link");
            p.fs.link(p.root(), "f2", f);
            p.fs.link(p.root(), "link2", link);
            assertEquals(f.id().inode(), p.walk("f2").id().inode());
            Node link2 = p.walk("link2");
            assertEquals(FileType.SYMLINK, link2.id().type());
            assertEquals(link.id().inode(), link2.id().inode());
        }
    }

    @Test
    void hardLinkOfUnlinkedFileGivesEnoent() {
        t.write("f", "x");
        Node f = t.walk("f");
        Node root = t.root();
        t.fs.unlinkat(root, "f", false);
        assertErrno(Errno.ENOENT, () -> t.fs.link(root, "back", f));
    }

    @Test
    void badNamesGiveEinvalEverywhere() {
        t.write("f", "x");
        Node root = t.root();
        Node f = t.walk("f");
        for (String bad : new String[] {"", ".", "..", "a/b", "a\0b"}) {
            assertErrno(Errno.EINVAL, () -> t.fs.create(root, bad, exclusive(), 0644, LocalFs.CLIENT));
            assertErrno(Errno.EINVAL, () -> t.fs.mkdir(root, bad, 0755, LocalFs.CLIENT));
            assertErrno(Errno.EINVAL, () -> t.fs.symlink(root, bad, "x", LocalFs.CLIENT));
            assertErrno(Errno.EINVAL, () -> t.fs.mknod(root, bad, 0010644, 0, 0, LocalFs.CLIENT));
            assertErrno(Errno.EINVAL, () -> t.fs.link(root, bad, f));
            assertErrno(Errno.EINVAL, () -> t.fs.renameat(root, "f", root, bad));
            assertErrno(Errno.EINVAL, () -> t.fs.renameat(root, bad, root, "g"));
            assertErrno(Errno.EINVAL, () -> t.fs.unlinkat(root, bad, false));
            assertErrno(Errno.EINVAL, () -> t.fs.rename(f, root, bad));
        }
        assertErrno(Errno.EINVAL, () -> t.fs.symlink(root, "s", "nul\0inside", LocalFs.CLIENT));
        assertFalse(Files.exists(t.export.resolve("s"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(t.export.resolve("f")));
    }
}
