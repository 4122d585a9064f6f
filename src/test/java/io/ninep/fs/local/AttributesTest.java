package io.ninep.fs.local;

import static io.ninep.fs.local.LocalFs.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.Attributes;
import io.ninep.fs.FileType;
import io.ninep.fs.FsStats;
import io.ninep.fs.Node;
import io.ninep.fs.OpenMode;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

@ExtendWith(FdLeakCheck.class)
class AttributesTest {
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

    private static AttributeChange mode(int mode) {
        return new AttributeChange(mode, null, null, null, null, null, false);
    }

    private static AttributeChange owner(Integer uid, Integer gid) {
        return new AttributeChange(null, uid, gid, null, null, null, false);
    }

    private static AttributeChange size(long size) {
        return new AttributeChange(null, null, null, size, null, null, false);
    }

    private static AttributeChange times(Timestamp atime, Timestamp mtime) {
        return new AttributeChange(null, null, null, null, atime, mtime, false);
    }

    @Test
    void getattrOfFileMatchesTheHost() throws Exception {
        Path f = t.write("f", "hello");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Attributes a = t.fs.getattr(t.walk("f"));
        assertEquals(FileType.REGULAR, a.type());
        assertEquals(0100640, a.mode());
        assertEquals(5, a.size());
        assertEquals(1, a.nlink());
        assertEquals(Files.getAttribute(f, "unix:uid"), a.uid());
        assertEquals(((Number) Files.getAttribute(f, "unix:ino")).longValue(), a.id().inode());
        assertEquals(((Number) Files.getAttribute(f, "unix:dev")).longValue(), a.id().device());
        assertEquals(Files.getLastModifiedTime(f).toInstant().getEpochSecond(), a.mtime().seconds());
        assertTrue(a.blksize() > 0);
        assertTrue(a.btime().seconds() > 0, "ext4 and tmpfs keep a birth time");
    }

    @Test
    void getattrOfDirectoryHasTypeBitsAndLinks() {
        t.write("d/e/f", "x");
        Attributes a = t.fs.getattr(t.walk("d"));
        assertEquals(FileType.DIRECTORY, a.type());
        assertEquals(0040000, a.mode() & FileType.S_IFMT);
        assertTrue(a.nlink() >= 2);
    }

    @Test
    void getattrOfSymlinkDescribesTheLinkItself() throws Exception {
        t.write("target", "0123456789");
        Files.createSymbolicLink(t.export.resolve("link"), Path.of("target"));
        Attributes a = t.fs.getattr(t.walk("link"));
        assertEquals(FileType.SYMLINK, a.type());
        assertEquals("target".length(), a.size());
    }

    @Test
    void chmodKeepsTypeBitsAndTakesSetIdBits() {
        t.write("f", "x");
        Node f = t.walk("f");
        t.fs.setattr(f, mode(0104711), LocalFs.ROOT);
        assertEquals(0104711, t.fs.getattr(f).mode());
    }

    @Test
    void chmodOfSymlinkGivesEopnotsupp() throws Exception {
        Files.createSymbolicLink(t.export.resolve("link"), Path.of("x"));
        Node link = t.walk("link");
        assertErrno(Errno.EOPNOTSUPP, () -> t.fs.setattr(link, mode(0600), LocalFs.ROOT));
    }

    @Test
    void chownSetsUidAndGidAndMinusOneOrNullKeeps() {
        t.write("f", "x");
        Node f = t.walk("f");
        t.fs.setattr(f, owner(1000, 2000), LocalFs.ROOT);
        assertEquals(1000, t.fs.getattr(f).uid());
        assertEquals(2000, t.fs.getattr(f).gid());
        t.fs.setattr(f, owner(null, 3000), LocalFs.ROOT);
        assertEquals(1000, t.fs.getattr(f).uid());
        assertEquals(3000, t.fs.getattr(f).gid());
        t.fs.setattr(f, owner(-1, 4000), LocalFs.ROOT);
        assertEquals(1000, t.fs.getattr(f).uid());
        assertEquals(4000, t.fs.getattr(f).gid());
    }

    @Test
    void chownOfSymlinkChangesTheLinkNotTheTarget() throws Exception {
        Path target = t.write("target", "x");
        Files.createSymbolicLink(t.export.resolve("link"), Path.of("target"));
        Node link = t.walk("link");
        t.fs.setattr(link, owner(1000, 1000), LocalFs.ROOT);
        assertEquals(1000, t.fs.getattr(link).uid());
        assertEquals(0, Files.getAttribute(target, "unix:uid"));
    }

    @Test
    void sizeTruncatesAndExtends() throws Exception {
        Path f = t.write("f", "hello world");
        Node n = t.walk("f");
        t.fs.setattr(n, size(5), LocalFs.ROOT);
        assertEquals("hello", Files.readString(f));
        t.fs.setattr(n, size(8), LocalFs.ROOT);
        assertEquals(8, t.fs.getattr(n).size());
    }

    @Test
    void sizeOfDirectoryGivesEisdirAndOfSymlinkEinval() throws Exception {
        t.write("d/f", "x");
        Files.createSymbolicLink(t.export.resolve("link"), Path.of("d/f"));
        Node d = t.walk("d");
        Node link = t.walk("link");
        assertErrno(Errno.EISDIR, () -> t.fs.setattr(d, size(0), LocalFs.ROOT));
        assertErrno(Errno.EINVAL, () -> t.fs.setattr(link, size(0), LocalFs.ROOT));
        assertErrno(Errno.EINVAL, () -> t.fs.setattr(t.walk("d", "f"), size(-1), LocalFs.ROOT));
    }

    @Test
    void explicitTimesKeepNanoseconds() {
        t.write("f", "x");
        Node f = t.walk("f");
        t.fs.setattr(f, times(new Timestamp(1_000_000, 123_456_789), new Timestamp(2_000_000, 987_654_321)),
                LocalFs.ROOT);
        Attributes a = t.fs.getattr(f);
        assertEquals(new Timestamp(1_000_000, 123_456_789), a.atime());
        assertEquals(new Timestamp(2_000_000, 987_654_321), a.mtime());
    }

    @Test
    void nowSetsCurrentTimeAndNullLeavesTheOtherTime() {
        t.write("f", "x");
        Node f = t.walk("f");
        t.fs.setattr(f, times(new Timestamp(1000, 1), new Timestamp(1000, 2)), LocalFs.ROOT);
        long before = Timestamp.now().seconds();
        t.fs.setattr(f, times(null, AttributeChange.NOW), LocalFs.ROOT);
        Attributes a = t.fs.getattr(f);
        assertEquals(new Timestamp(1000, 1), a.atime());
        assertTrue(a.mtime().seconds() >= before && a.mtime().seconds() <= Timestamp.now().seconds() + 1);
    }

    @Test
    void timesOfSymlinkChangeTheLinkOnly() throws Exception {
        Path target = t.write("target", "x");
        Files.createSymbolicLink(t.export.resolve("link"), Path.of("target"));
        Node link = t.walk("link");
        t.fs.setattr(link, times(null, new Timestamp(5000, 5)), LocalFs.ROOT);
        assertEquals(new Timestamp(5000, 5), t.fs.getattr(link).mtime());
        assertNotEquals(5000, Files.getLastModifiedTime(target).toInstant().getEpochSecond());
    }

    @Test
    void touchCtimeAloneMovesCtimeAndKeepsSetuid() throws Exception {
        t.write("f", "x");
        Node f = t.walk("f");
        t.fs.setattr(f, mode(04755), LocalFs.ROOT);
        t.fs.setattr(f, times(new Timestamp(1000, 0), new Timestamp(1000, 0)), LocalFs.ROOT);
        Timestamp ctime = t.fs.getattr(f).ctime();
        Thread.sleep(20);
        t.fs.setattr(f, new AttributeChange(null, null, null, null, null, null, true), LocalFs.ROOT);
        Attributes a = t.fs.getattr(f);
        assertNotEquals(ctime, a.ctime());
        assertEquals(0104755, a.mode());
        assertEquals(new Timestamp(1000, 0), a.atime());
    }

    @Test
    void versionChangesOnWriteButNotOnChmodOrChown() throws Exception {
        t.write("f", "abc");
        Node f = t.walk("f");
        long v1 = t.fs.getattr(f).id().version();
        t.fs.setattr(f, mode(0600), LocalFs.ROOT);
        t.fs.setattr(f, owner(42, 42), LocalFs.ROOT);
        assertEquals(v1, t.fs.getattr(f).id().version());
        Thread.sleep(20);
        try (var file = t.fs.open(f, LocalFs.mode(OpenMode.Access.WRITE), LocalFs.ROOT)) {
            t.write(file, 0, "xyz");
        }
        long v2 = t.fs.getattr(f).id().version();
        assertNotEquals(v1, v2);
        t.fs.setattr(f, size(1), LocalFs.ROOT);
        assertNotEquals(v2, t.fs.getattr(f).id().version());
    }

    @Test
    void emptyChangeDoesNothing() {
        t.write("f", "x");
        Node f = t.walk("f");
        Attributes before = t.fs.getattr(f);
        t.fs.setattr(f, new AttributeChange(null, null, null, null, null, null, false), LocalFs.ROOT);
        assertEquals(before, t.fs.getattr(f));
    }

    @Test
    void statfsFieldsAreSane() throws Exception {
        t.write("f", "x");
        FsStats s = t.fs.statfs(t.walk("f"));
        var store = Files.getFileStore(t.export);
        assertTrue(s.blockSize() > 0);
        assertTrue(s.blocks() > 0 && s.blocksFree() <= s.blocks() && s.blocksAvailable() <= s.blocksFree());
        assertTrue(s.filesFree() <= s.files());
        assertEquals(255, s.nameMax());
        assertTrue(s.type() != 0);
        assertEquals(store.getTotalSpace(), s.blocks() * s.blockSize());
        assertEquals(s.fsid(), t.fs.statfs(t.root()).fsid());
    }
}
