package io.ninep.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage.Rgetattr;
import io.ninep.protocol.Rmessage.Rstatfs;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Tgetattr, Tsetattr and Tstatfs: type bits, link counts, sizes, times, qid.version and fs statistics. */
@QuarkusTest
class MetadataTest extends NinepServerTestBase {
    private static final long NO_TIME = 0;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A file "f" in a fresh directory, open read-write as fid 3. */
    private NinepClient withFile(String content) throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", utf8(content));
        return c;
    }

    private static void setattr(NinepClient c, int fid, int valid, int mode, int uid, int gid, long size) {
        c.setattr(fid, valid, mode, uid, gid, size, NO_TIME, NO_TIME, NO_TIME, NO_TIME);
    }

    @Test
    void fileModeCarriesTheRegularTypeBits() throws Exception {
        NinepClient c = withFile("");
        assertEquals(Linux.S_IFREG | 0644, c.getattr(3, P9.GETATTR_BASIC).mode());
    }

    @Test
    void directoryModeCarriesTheDirectoryTypeBits() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        assertEquals(Linux.S_IFDIR, c.getattr(2, P9.GETATTR_BASIC).mode() & Linux.S_IFMT);
        assertEquals(Linux.S_IFDIR, c.getattr(ROOT, P9.GETATTR_BASIC).mode() & Linux.S_IFMT);
    }

    @Test
    void directoriesHaveAtLeastTwoLinks() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        assertTrue(c.getattr(2, P9.GETATTR_BASIC).nlink() >= 2);
        assertTrue(c.getattr(ROOT, P9.GETATTR_BASIC).nlink() >= 2);
    }

    @Test
    void getattrAnswersAtLeastTheBasicFields() throws Exception {
        NinepClient c = withFile("");
        Rgetattr a = c.getattr(3, P9.GETATTR_BASIC);
        assertEquals(P9.GETATTR_BASIC, a.valid() & P9.GETATTR_BASIC);
        assertEquals(1, a.nlink());
    }

    @Test
    void sizeFollowsWrites() throws Exception {
        NinepClient c = withFile("12345");
        assertEquals(5, c.getattr(3, P9.GETATTR_BASIC).size());
        c.write(3, 100, utf8("z"));
        assertEquals(101, c.getattr(3, P9.GETATTR_BASIC).size());
    }

    @Test
    void chmodKeepsOnlyThePermissionBits() throws Exception {
        NinepClient c = withFile("");
        setattr(c, 3, Linux.SETATTR_MODE, 0177777, 0, 0, 0);
        assertEquals(Linux.S_IFREG | 07777, c.getattr(3, P9.GETATTR_BASIC).mode());
        setattr(c, 3, Linux.SETATTR_MODE, 0640, 0, 0, 0);
        assertEquals(Linux.S_IFREG | 0640, c.getattr(3, P9.GETATTR_BASIC).mode());
    }

    @Test
    void chownSetsUidAndGid() throws Exception {
        NinepClient c = withFile("");
        setattr(c, 3, Linux.SETATTR_UID | Linux.SETATTR_GID, 0, 1234, 5678, 0);
        Rgetattr a = c.getattr(3, P9.GETATTR_BASIC);
        assertEquals(1234, a.uid());
        assertEquals(5678, a.gid());
    }

    @Test
    void truncateShrinksAndGrowsWithZeros() throws Exception {
        NinepClient c = withFile("abcdef");
        setattr(c, 3, Linux.SETATTR_SIZE, 0, 0, 0, 2);
        assertEquals(2, c.getattr(3, P9.GETATTR_BASIC).size());
        setattr(c, 3, Linux.SETATTR_SIZE, 0, 0, 0, 4);
        assertEquals(4, c.getattr(3, P9.GETATTR_BASIC).size());
        assertEquals("ab\0\0", new String(c.read(3, 0, 100), StandardCharsets.UTF_8));
    }

    @Test
    void explicitTimesKeepTheirNanoseconds() throws Exception {
        NinepClient c = withFile("");
        c.setattr(3, Linux.SETATTR_ATIME | Linux.SETATTR_ATIME_SET | Linux.SETATTR_MTIME | Linux.SETATTR_MTIME_SET,
                0, 0, 0, 0, 1_000_000_000L, 123_456_789L, 1_100_000_000L, 987_654_321L);
        Rgetattr a = c.getattr(3, P9.GETATTR_BASIC);
        assertEquals(1_000_000_000L, a.atimeSec());
        assertEquals(123_456_789L, a.atimeNsec());
        assertEquals(1_100_000_000L, a.mtimeSec());
        assertEquals(987_654_321L, a.mtimeNsec());
    }

    @Test
    void timeBitsWithoutTheirSetBitsMeanNow() throws Exception {
        NinepClient c = withFile("");
        c.setattr(3, Linux.SETATTR_ATIME | Linux.SETATTR_ATIME_SET | Linux.SETATTR_MTIME | Linux.SETATTR_MTIME_SET,
                0, 0, 0, 0, 1_000_000_000L, 0, 1_000_000_000L, 0);
        long before = System.currentTimeMillis() / 1000;
        // The seconds sent are ignored: without ATIME_SET/MTIME_SET the server's clock decides.
        c.setattr(3, Linux.SETATTR_ATIME | Linux.SETATTR_MTIME, 0, 0, 0, 0, 5, 0, 5, 0);
        long after = System.currentTimeMillis() / 1000 + 1;
        Rgetattr a = c.getattr(3, P9.GETATTR_BASIC);
        assertTrue(a.atimeSec() >= before && a.atimeSec() <= after, "atime " + a.atimeSec());
        assertTrue(a.mtimeSec() >= before && a.mtimeSec() <= after, "mtime " + a.mtimeSec());
    }

    @Test
    void writeChangesTheQidVersion() throws Exception {
        NinepClient c = withFile("v1");
        int before = c.getattr(3, P9.GETATTR_BASIC).qid().version();
        c.write(3, 0, utf8("v2"));
        assertNotEquals(before, c.getattr(3, P9.GETATTR_BASIC).qid().version());
    }

    @Test
    void chmodLeavesTheQidVersionAlone() throws Exception {
        NinepClient c = withFile("v1");
        int before = c.getattr(3, P9.GETATTR_BASIC).qid().version();
        setattr(c, 3, Linux.SETATTR_MODE, 0600, 0, 0, 0);
        assertEquals(before, c.getattr(3, P9.GETATTR_BASIC).qid().version());
    }

    @Test
    void statfsFieldsAreConsistent() throws Exception {
        NinepClient c = attached();
        Rstatfs s = c.statfs(ROOT);
        assertNotEquals(0, s.fsType());
        assertTrue(s.bsize() > 0);
        assertTrue(s.blocks() > 0);
        assertTrue(s.bfree() >= 0 && s.bfree() <= s.blocks());
        assertTrue(s.bavail() >= 0 && s.bavail() <= s.bfree());
        assertTrue(s.files() > 0);
        assertTrue(s.ffree() >= 0 && s.ffree() <= s.files());
        assertEquals(255, s.namelen());
    }

    @Test
    void statfsSeesSpaceUsedByWrites() throws Exception {
        NinepClient c = withFile("");
        long free = c.statfs(3).bfree();
        byte[] data = new byte[MSIZE / 2];
        Arrays.fill(data, (byte) 1);
        c.write(3, 0, data);
        assertTrue(c.statfs(3).bfree() < free);
    }
}
