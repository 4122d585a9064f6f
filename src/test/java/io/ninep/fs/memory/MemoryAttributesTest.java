package io.ninep.fs.memory;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.Attributes;
import io.ninep.fs.FileSystem;
import io.ninep.fs.FsStats;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.ninep.fs.memory.FsTesting.READ_WRITE;
import static io.ninep.fs.memory.FsTesting.USER;
import static io.ninep.fs.memory.FsTesting.assertErrno;
import static io.ninep.fs.memory.FsTesting.file;
import static io.ninep.fs.memory.FsTesting.resize;
import static io.ninep.fs.memory.FsTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryAttributesTest {
    private MemoryFileSystem fs;
    private Node root;

    @BeforeEach
    void setUp() {
        fs = new MemoryFileSystem("attrs", 1 << 24);
        root = fs.root();
    }

    private static AttributeChange change(Integer mode, Integer uid, Integer gid, Long size, Timestamp atime,
                                          Timestamp mtime) {
        return new AttributeChange(mode, uid, gid, size, atime, mtime, false);
    }

    @Test
    void chmodKeepsTheTypeBitsAndIgnoresOthers() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        fs.setattr(d, change(0170700, null, null, null, null, null), USER);
        assertEquals(040700, fs.getattr(d).mode());
        Node f = file(fs, root, "f", "");
        fs.setattr(f, change(04711, null, null, null, null, null), USER);
        assertEquals(0104711, fs.getattr(f).mode());
    }

    @Test
    void chownSetsOwnerAndGroup() {
        Node f = file(fs, root, "f", "");
        fs.setattr(f, change(null, 7, 8, null, null, null), USER);
        Attributes a = fs.getattr(f);
        assertEquals(7, a.uid());
        assertEquals(8, a.gid());
    }

    @Test
    void explicitTimesAreStoredWithNanoseconds() {
        Node f = file(fs, root, "f", "");
        Timestamp at = new Timestamp(1_000_000, 123_456_789);
        Timestamp mt = new Timestamp(2_000_000, 987_654_321);
        fs.setattr(f, change(null, null, null, null, at, mt), USER);
        Attributes a = fs.getattr(f);
        assertEquals(at, a.atime());
        assertEquals(mt, a.mtime());
        assertTrue(a.ctime().seconds() > 2_000_000);
    }

    @Test
    void timeNowMeansTheCurrentTime() {
        Node f = file(fs, root, "f", "");
        fs.setattr(f, change(null, null, null, null, new Timestamp(5, 0), new Timestamp(5, 0)), USER);
        fs.setattr(f, change(null, null, null, null, AttributeChange.NOW, AttributeChange.NOW), USER);
        Attributes a = fs.getattr(f);
        assertTrue(a.atime().seconds() > 5);
        assertTrue(a.mtime().seconds() > 5);
    }

    @Test
    void timeWithNanosecondsOutOfRangeIsEinval() {
        Node f = file(fs, root, "f", "");
        assertErrno(Errno.EINVAL, () -> fs.setattr(f,
                change(null, null, null, null, null, new Timestamp(1, 1_000_000_000)), USER));
    }

    @Test
    void anyChangeUpdatesCtimeAndTouchCtimeAloneDoesToo() throws InterruptedException {
        Node f = file(fs, root, "f", "");
        Timestamp before = fs.getattr(f).ctime();
        Thread.sleep(2);
        fs.setattr(f, change(0600, null, null, null, null, null), USER);
        Timestamp afterChmod = fs.getattr(f).ctime();
        assertNotEquals(before, afterChmod);
        Thread.sleep(2);
        fs.setattr(f, new AttributeChange(null, null, null, null, null, null, true), USER);
        assertNotEquals(afterChmod, fs.getattr(f).ctime());
    }

    @Test
    void failedSizeChangeLeavesTheOtherFieldsAlone() {
        Node f = file(fs, root, "f", "");
        assertErrno(Errno.EINVAL, () -> fs.setattr(f, change(0600, null, null, -1L, null, null), USER));
        assertErrno(Errno.EFBIG, () -> fs.setattr(f, change(0600, null, null, (1L << 40) + 1, null, null), USER));
        assertEquals(0100644, fs.getattr(f).mode());
    }

    @Test
    void sizeOfADirectoryIsEisdirAndOfASymlinkEinval() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        Node l = fs.symlink(root, "l", "d", USER);
        assertErrno(Errno.EISDIR, () -> resize(fs, d, 0));
        assertErrno(Errno.EINVAL, () -> resize(fs, l, 0));
    }

    @Test
    void versionChangesOnWriteAndTruncateButNotOnMetadata() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        long v0 = fs.getattr(c.node()).id().version();
        write(fs, c.file(), 0, "data");
        long v1 = fs.getattr(c.node()).id().version();
        assertNotEquals(v0, v1);
        fs.setattr(c.node(), change(0600, 5, 5, null, AttributeChange.NOW, new Timestamp(9, 9)), USER);
        fs.setxattr(c.node(), "user.k", new byte[]{1}, 0);
        FsTesting.read(fs, c.file(), 0, 4);
        assertEquals(v1, fs.getattr(c.node()).id().version());
        resize(fs, c.node(), 2);
        assertNotEquals(v1, fs.getattr(c.node()).id().version());
    }

    @Test
    void writeUpdatesMtimeAndCtime() throws InterruptedException {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        Attributes before = fs.getattr(c.node());
        Thread.sleep(2);
        write(fs, c.file(), 0, "x");
        Attributes after = fs.getattr(c.node());
        assertNotEquals(before.mtime(), after.mtime());
        assertNotEquals(before.ctime(), after.ctime());
        assertEquals(before.btime(), after.btime());
    }

    @Test
    void entryChangesUpdateTheDirectoryTimesAndVersion() throws InterruptedException {
        Node d = fs.mkdir(root, "d", 0755, USER);
        Attributes before = fs.getattr(d);
        Thread.sleep(2);
        file(fs, d, "f", "").close();
        Attributes afterCreate = fs.getattr(d);
        assertNotEquals(before.mtime(), afterCreate.mtime());
        assertNotEquals(before.id().version(), afterCreate.id().version());
        Thread.sleep(2);
        fs.unlinkat(d, "f", false);
        assertNotEquals(afterCreate.mtime(), fs.getattr(d).mtime());
        assertNotEquals(afterCreate.id().version(), fs.getattr(d).id().version());
    }

    @Test
    void hardLinkingChangesTheFilesCtimeOnly() throws InterruptedException {
        Node f = file(fs, root, "f", "");
        Attributes before = fs.getattr(f);
        Thread.sleep(2);
        fs.link(root, "g", f);
        Attributes after = fs.getattr(f);
        assertNotEquals(before.ctime(), after.ctime());
        assertEquals(before.mtime(), after.mtime());
        assertEquals(before.id().version(), after.id().version());
    }

    @Test
    void directorySizeGrowsWithEntries() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        long empty = fs.getattr(d).size();
        file(fs, d, "f", "");
        assertTrue(fs.getattr(d).size() > empty);
        assertEquals(0, fs.getattr(d).generation());
    }

    @Test
    void statfsReportsCapacityUseAndInodes() {
        FsStats empty = fs.statfs(root);
        assertEquals(MemoryFileSystem.TMPFS_MAGIC, empty.type());
        assertEquals(4096, empty.blockSize());
        assertEquals((1 << 24) / 4096, empty.blocks());
        assertEquals(empty.blocks(), empty.blocksFree());
        assertEquals(empty.blocksFree(), empty.blocksAvailable());
        assertEquals(255, empty.nameMax());
        assertEquals(MemoryFileSystem.DEFAULT_INODE_LIMIT - 1, empty.filesFree());
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        fs.write(c.file(), 0, ByteBuffer.allocate(10_000));
        FsStats used = fs.statfs(c.node());
        assertEquals(empty.blocks() - 3, used.blocksFree());
        assertEquals(empty.filesFree() - 1, used.filesFree());
    }

    @Test
    void fsidDependsOnTheNameOnly() {
        MemoryFileSystem a = new MemoryFileSystem("attrs");
        MemoryFileSystem b = new MemoryFileSystem("other");
        assertEquals(a.statfs(a.root()).fsid(), fs.statfs(root).fsid());
        assertNotEquals(b.statfs(b.root()).fsid(), fs.statfs(root).fsid());
    }

    @Test
    void defaultCapacityIsOneGibibyte() {
        MemoryFileSystem defaults = new MemoryFileSystem("defaults");
        try (Node top = defaults.root()) {
            assertEquals((1L << 30) / 4096, defaults.statfs(top).blocks());
        }
    }

    @Test
    void openTruncateOfAnEmptyFileKeepsItsVersion() {
        Node f = file(fs, root, "f", "");
        long version = fs.getattr(f).id().version();
        try (OpenFile ignored = fs.open(f, FsTesting.TRUNCATE, USER)) {
            assertEquals(version, fs.getattr(f).id().version());
        }
    }
}
