package io.ninep.fs.memory;

import io.ninep.fs.Attributes;
import io.ninep.fs.FileSystem;
import io.ninep.fs.FileType;
import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.posix.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.ninep.fs.memory.FsTesting.EXCLUSIVE;
import static io.ninep.fs.memory.FsTesting.READ_WRITE;
import static io.ninep.fs.memory.FsTesting.USER;
import static io.ninep.fs.memory.FsTesting.assertErrno;
import static io.ninep.fs.memory.FsTesting.contentOf;
import static io.ninep.fs.memory.FsTesting.file;
import static io.ninep.fs.memory.FsTesting.names;
import static io.ninep.fs.memory.FsTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryNamespaceTest {
    private MemoryFileSystem fs;
    private Node root;

    @BeforeEach
    void setUp() {
        fs = new MemoryFileSystem("test", 1 << 24);
        root = fs.root();
    }

    @AfterEach
    void tearDown() {
        fs.close();
    }

    @Test
    void rootIsDirectory0755OwnedByRootWithInodeOne() {
        Attributes a = fs.getattr(root);
        assertEquals(FileType.DIRECTORY, a.type());
        assertEquals(040755, a.mode());
        assertEquals(0, a.uid());
        assertEquals(0, a.gid());
        assertEquals(2, a.nlink());
        assertEquals(1, a.id().inode());
        assertEquals(1, new MemoryFileSystem("other").root().id().inode());
    }

    @Test
    void eachFileSystemIsItsOwnDeviceStableAcrossInstancesOfOneName() {
        long device = fs.getattr(root).id().device();
        Node created = file(fs, root, "a", "x");
        assertEquals(device, created.id().device());
        assertNotEquals(device, new MemoryFileSystem("other").root().id().device());
        assertEquals(device, new MemoryFileSystem("test").root().id().device());
    }

    @Test
    void walkFindsCreatedEntry() {
        Node created = file(fs, root, "a", "x");
        Node walked = fs.walk(root, "a");
        assertEquals(created.id().inode(), walked.id().inode());
        assertEquals(FileType.REGULAR, walked.id().type());
    }

    @Test
    void walkToMissingNameIsEnoent() {
        assertErrno(Errno.ENOENT, () -> fs.walk(root, "missing"));
    }

    @Test
    void walkFromFileIsEnotdir() {
        Node file = file(fs, root, "f", "");
        assertErrno(Errno.ENOTDIR, () -> fs.walk(file, "x"));
        assertErrno(Errno.ENOTDIR, () -> fs.walk(file, ".."));
    }

    @Test
    void dotDotOfRootIsRoot() {
        assertEquals(root.id().inode(), fs.walk(root, "..").id().inode());
    }

    @Test
    void dotDotOfSubdirectoryIsItsParent() {
        Node a = fs.mkdir(root, "a", 0755, USER);
        Node b = fs.mkdir(a, "b", 0755, USER);
        assertEquals(a.id().inode(), fs.walk(b, "..").id().inode());
    }

    @Test
    void walkDoesNotFollowSymlinks() {
        fs.mkdir(root, "d", 0755, USER);
        Node link = fs.symlink(root, "l", "d", USER);
        assertEquals(FileType.SYMLINK, fs.walk(root, "l").id().type());
        assertErrno(Errno.ENOTDIR, () -> fs.walk(link, "x"));
    }

    @Test
    void nameOf255BytesIsAcceptedAnd256IsEnametoolong() {
        fs.mkdir(root, "a".repeat(255), 0755, USER);
        assertErrno(Errno.ENAMETOOLONG, () -> fs.mkdir(root, "a".repeat(256), 0755, USER));
        assertErrno(Errno.ENAMETOOLONG, () -> fs.walk(root, "a".repeat(256)));
        // 128 two-byte characters are 256 bytes of UTF-8
        assertErrno(Errno.ENAMETOOLONG, () -> fs.create(root, "é".repeat(128), READ_WRITE, 0644, USER));
    }

    @Test
    void mkdirOfExistingNameIsEexist() {
        fs.mkdir(root, "d", 0755, USER);
        file(fs, root, "f", "");
        assertErrno(Errno.EEXIST, () -> fs.mkdir(root, "d", 0755, USER));
        assertErrno(Errno.EEXIST, () -> fs.mkdir(root, "f", 0755, USER));
        assertErrno(Errno.EEXIST, () -> fs.mkdir(root, "..", 0755, USER));
    }

    @Test
    void mkdirCountsSubdirectoriesInParentNlink() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        fs.mkdir(root, "e", 0755, USER);
        file(fs, root, "f", "");
        assertEquals(4, fs.getattr(root).nlink());
        assertEquals(2, fs.getattr(d).nlink());
        fs.unlinkat(root, "e", true);
        assertEquals(3, fs.getattr(root).nlink());
    }

    @Test
    void newEntriesAreOwnedByTheCaller() {
        Attributes dir = fs.getattr(fs.mkdir(root, "d", 0750, USER));
        assertEquals(040750, dir.mode());
        assertEquals(1000, dir.uid());
        assertEquals(100, dir.gid());
        Attributes file = fs.getattr(file(fs, root, "f", ""));
        assertEquals(0100644, file.mode());
        assertEquals(1000, file.uid());
    }

    @Test
    void setGroupIdDirectoryHandsDownItsGroup() {
        Node shared = fs.mkdir(root, "shared", 02775, new Identity(0, 50));
        Attributes file = fs.getattr(file(fs, shared, "f", ""));
        assertEquals(50, file.gid());
        Attributes sub = fs.getattr(fs.mkdir(shared, "sub", 0755, USER));
        assertEquals(50, sub.gid());
        assertEquals(042755, sub.mode());
    }

    @Test
    void exclusiveCreateOfExistingNameIsEexist() {
        file(fs, root, "f", "");
        assertErrno(Errno.EEXIST, () -> fs.create(root, "f", EXCLUSIVE, 0644, USER));
    }

    @Test
    void createOfExistingFileWithoutExclusiveOpensIt() {
        Node first = file(fs, root, "f", "hello");
        FileSystem.Created again = fs.create(root, "f", READ_WRITE, 0600, USER);
        assertEquals(first.id().inode(), again.node().id().inode());
        assertEquals("hello", FsTesting.read(fs, again.file(), 0, 10));
        assertEquals(0100644, fs.getattr(first).mode());
    }

    @Test
    void createOverExistingDirectoryIsEisdir() {
        fs.mkdir(root, "d", 0755, USER);
        assertErrno(Errno.EISDIR, () -> fs.create(root, "d", READ_WRITE, 0644, USER));
        assertErrno(Errno.EISDIR, () -> fs.create(root, "..", READ_WRITE, 0644, USER));
    }

    @Test
    void createInFileIsEnotdir() {
        Node f = file(fs, root, "f", "");
        assertErrno(Errno.ENOTDIR, () -> fs.create(f, "x", READ_WRITE, 0644, USER));
    }

    @Test
    void symlinkReadsBackItsTarget() {
        Node link = fs.symlink(root, "l", "../some/where", USER);
        Attributes a = fs.getattr(link);
        assertEquals(0120777, a.mode());
        assertEquals("../some/where".length(), a.size());
        assertEquals("../some/where", fs.readlink(link));
    }

    @Test
    void readlinkOfNonSymlinkIsEinval() {
        assertErrno(Errno.EINVAL, () -> fs.readlink(file(fs, root, "f", "")));
    }

    @Test
    void symlinkWithEmptyTargetIsEnoentAndOverlongIsEnametoolong() {
        assertErrno(Errno.ENOENT, () -> fs.symlink(root, "l", "", USER));
        assertErrno(Errno.ENAMETOOLONG, () -> fs.symlink(root, "l", "x".repeat(4096), USER));
    }

    @Test
    void mknodDeviceReportsLinuxRdev() {
        Node dev = fs.mknod(root, "sda1", 0060640, 8, 1, USER);
        Attributes a = fs.getattr(dev);
        assertEquals(FileType.BLOCK_DEVICE, a.type());
        assertEquals(0060640, a.mode());
        assertEquals(0x801, a.rdev());
        Node big = fs.mknod(root, "big", 0020600, 0x12345, 0x6789a, USER);
        assertEquals(FileType.CHAR_DEVICE, big.id().type());
        assertEquals(0x120006783459aL, fs.getattr(big).rdev());
    }

    @Test
    void mknodMakesFifosSocketsAndPlainFiles() {
        assertEquals(FileType.FIFO, fs.getattr(fs.mknod(root, "p", 0010644, 0, 0, USER)).type());
        assertEquals(FileType.SOCKET, fs.getattr(fs.mknod(root, "s", 0140755, 0, 0, USER)).type());
        Attributes plain = fs.getattr(fs.mknod(root, "r", 0644, 0, 0, USER));
        assertEquals(0100644, plain.mode());
        assertEquals(0, plain.rdev());
    }

    @Test
    void mknodOfDirectoryIsEpermAndOfSymlinkOrUnknownTypeIsEinval() {
        assertErrno(Errno.EPERM, () -> fs.mknod(root, "d", 0040755, 0, 0, USER));
        assertErrno(Errno.EINVAL, () -> fs.mknod(root, "l", 0120777, 0, 0, USER));
        assertErrno(Errno.EINVAL, () -> fs.mknod(root, "x", 0030644, 0, 0, USER));
    }

    @Test
    void hardLinkSharesInodeAndCountsLinks() {
        Node a = file(fs, root, "a", "shared");
        fs.link(root, "b", a);
        Node b = fs.walk(root, "b");
        assertEquals(fs.getattr(a).id(), b.id());
        assertEquals(fs.getattr(a), fs.getattr(b));
        assertEquals(2, fs.getattr(a).nlink());
        fs.unlinkat(root, "a", false);
        assertEquals(1, fs.getattr(b).nlink());
        assertEquals("shared", contentOf(fs, b));
    }

    @Test
    void hardLinkToDirectoryIsEperm() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        assertErrno(Errno.EPERM, () -> fs.link(root, "d2", d));
    }

    @Test
    void hardLinkOntoExistingNameIsEexist() {
        Node a = file(fs, root, "a", "");
        file(fs, root, "b", "");
        assertErrno(Errno.EEXIST, () -> fs.link(root, "b", a));
        assertErrno(Errno.EEXIST, () -> fs.link(root, "..", a));
    }

    @Test
    void hardLinkToUnlinkedFileIsEnoent() {
        Node a = file(fs, root, "a", "");
        fs.unlinkat(root, "a", false);
        assertErrno(Errno.ENOENT, () -> fs.link(root, "again", a));
    }

    @Test
    void unlinkatOfMissingNameIsEnoent() {
        assertErrno(Errno.ENOENT, () -> fs.unlinkat(root, "missing", false));
        assertErrno(Errno.ENOENT, () -> fs.unlinkat(root, "missing", true));
    }

    @Test
    void unlinkOfDirectoryIsEisdirAndRmdirOfFileIsEnotdir() {
        fs.mkdir(root, "d", 0755, USER);
        file(fs, root, "f", "");
        assertErrno(Errno.EISDIR, () -> fs.unlinkat(root, "d", false));
        assertErrno(Errno.ENOTDIR, () -> fs.unlinkat(root, "f", true));
    }

    @Test
    void rmdirOfNonEmptyDirectoryIsEnotempty() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        file(fs, d, "f", "");
        assertErrno(Errno.ENOTEMPTY, () -> fs.unlinkat(root, "d", true));
        fs.unlinkat(d, "f", false);
        fs.unlinkat(root, "d", true);
        assertEquals(List.of(".", ".."), names(fs, root));
    }

    @Test
    void unlinkatOfDotDotGivesLinuxErrors() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        assertErrno(Errno.ENOTEMPTY, () -> fs.unlinkat(d, "..", true));
        assertErrno(Errno.EISDIR, () -> fs.unlinkat(d, "..", false));
    }

    @Test
    void removeDeletesTheNameTheNodeWasReachedBy() {
        Node a = file(fs, root, "a", "");
        fs.link(root, "b", a);
        Node viaB = fs.walk(root, "b");
        fs.remove(viaB);
        assertEquals(List.of(".", "..", "a"), names(fs, root));
    }

    @Test
    void removeOfRootIsEbusy() {
        assertErrno(Errno.EBUSY, () -> fs.remove(root));
        assertErrno(Errno.EBUSY, () -> fs.remove(fs.walk(root, "..")));
    }

    @Test
    void removeOfNonEmptyDirectoryIsEnotempty() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        fs.mkdir(d, "sub", 0755, USER);
        assertErrno(Errno.ENOTEMPTY, () -> fs.remove(d));
    }

    @Test
    void removeOfEmptyDirectoryReachedByDotDotWorks() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        Node sub = fs.mkdir(d, "sub", 0755, USER);
        fs.unlinkat(d, "sub", true);
        assertErrno(Errno.ENOENT, () -> fs.walk(sub, ".."));
        Node e = fs.mkdir(root, "e", 0755, USER);
        Node eSub = fs.mkdir(e, "sub", 0755, USER);
        Node eAgain = fs.walk(eSub, "..");
        fs.remove(eSub);
        fs.remove(eAgain);
        assertEquals(List.of(".", "..", "d"), names(fs, root));
    }

    @Test
    void removeAfterTheNameIsGoneIsEnoent() {
        Node a = file(fs, root, "a", "");
        fs.unlinkat(root, "a", false);
        assertErrno(Errno.ENOENT, () -> fs.remove(a));
        Node b = file(fs, root, "b", "");
        file(fs, root, "c", "");
        fs.renameat(root, "c", root, "b");
        assertErrno(Errno.ENOENT, () -> fs.remove(b));
    }

    @Test
    void nodeFollowsItsFileThroughRenames() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        Node a = file(fs, root, "a", "content");
        fs.renameat(root, "a", d, "moved");
        fs.remove(a);
        assertEquals(List.of(".", ".."), names(fs, d));
        assertEquals(List.of(".", "..", "d"), names(fs, root));
    }

    @Test
    void nothingCanBeCreatedOrFoundInARemovedDirectory() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        fs.unlinkat(root, "d", true);
        assertEquals(0, fs.getattr(d).nlink());
        assertErrno(Errno.ENOENT, () -> fs.create(d, "f", READ_WRITE, 0644, USER));
        assertErrno(Errno.ENOENT, () -> fs.mkdir(d, "x", 0755, USER));
        assertErrno(Errno.ENOENT, () -> fs.walk(d, "f"));
    }

    @Test
    void duplicateIsAnIndependentHandle() {
        Node a = file(fs, root, "a", "x");
        Node copy = fs.duplicate(a);
        a.close();
        assertEquals(1, fs.getattr(copy).size());
        assertErrno(Errno.EBADF, () -> fs.getattr(a));
    }

    @Test
    void closeIsIdempotent() {
        Node a = file(fs, root, "a", "x");
        OpenFile open = fs.open(a, FsTesting.READ, USER);
        open.close();
        open.close();
        a.close();
        a.close();
        assertErrno(Errno.EBADF, () -> FsTesting.read(fs, open, 0, 1));
    }

    @Test
    void inodeNumbersAreNeverReused() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Node f = file(fs, root, "f", "");
            assertTrue(seen.add(f.id().inode()));
            f.close();
            fs.unlinkat(root, "f", false);
        }
    }

    @Test
    void creatingBeyondTheInodeLimitIsEnospc() {
        MemoryFileSystem small = new MemoryFileSystem("small", 1 << 20, 3);
        Node top = small.root();
        small.mkdir(top, "a", 0755, USER);
        small.symlink(top, "b", "a", USER).close();
        assertErrno(Errno.ENOSPC, () -> small.mknod(top, "c", 0010644, 0, 0, USER));
        small.unlinkat(top, "b", false);
        assertEquals(2, small.usedInodes());
        small.mknod(top, "c", 0010644, 0, 0, USER);
    }

    @Test
    void handlesOfAnotherFileSystemAreRefused() {
        MemoryFileSystem other = new MemoryFileSystem("other");
        Node foreign = other.root();
        assertErrno(Errno.EBADF, () -> fs.getattr(foreign));
        assertErrno(Errno.EXDEV, () -> fs.link(root, "x", file(other, other.root(), "f", "")));
        assertErrno(Errno.EXDEV, () -> fs.renameat(foreign, "f", root, "f"));
    }

    @Test
    void closedFileSystemAnswersEio() {
        Node a = file(fs, root, "a", "");
        fs.close();
        assertErrno(Errno.EIO, () -> fs.getattr(a));
        assertErrno(Errno.EIO, fs::root);
    }

    @Test
    void nodeIdIsTheIdentityWhenTheHandleWasMade() {
        Node a = file(fs, root, "a", "");
        try (OpenFile open = fs.open(a, READ_WRITE, USER)) {
            write(fs, open, 0, "more");
        }
        assertNotEquals(a.id().version(), fs.getattr(a).id().version());
        assertEquals(fs.getattr(a).id(), fs.walk(root, "a").id());
    }
}
