package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Qid;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tlopen, Tlcreate, Tread and Twrite: data round trips, count clamping and open-mode checks. */
@QuarkusTest
class IoTest extends NinepServerTestBase {

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writeOfHalfMsizeReadsBackExactly() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        byte[] data = randomBytes(MSIZE / 2, 1);
        c.walk(2, 3);
        c.lcreate(3, "half", Linux.O_RDWR, 0644, 0);
        assertEquals(data.length, c.write(3, 0, data));
        assertArrayEquals(data, c.read(3, 0, data.length));
    }

    @Test
    void readCountBeyondMsizeIsClampedToFitTheReply() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        byte[] data = randomBytes(MSIZE, 2);
        FileOps.createFile(c, 2, 3, "big", Arrays.copyOfRange(data, 0, MSIZE / 2));
        c.write(3, MSIZE / 2, Arrays.copyOfRange(data, MSIZE / 2, MSIZE));
        byte[] got = c.read(3, 0, MSIZE);
        assertEquals(MSIZE - P9.IOHDRSZ, got.length);
        assertArrayEquals(Arrays.copyOf(data, got.length), got);
        assertFalse(c.isClosed());
    }

    @Test
    void writePastTheEndLeavesAHoleOfZeros() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "sparse", utf8("abc"));
        c.write(3, 10_000, utf8("xyz"));
        byte[] got = c.read(3, 0, 20_000);
        assertEquals(10_003, got.length);
        assertArrayEquals(utf8("abc"), Arrays.copyOfRange(got, 0, 3));
        assertArrayEquals(new byte[10_000 - 3], Arrays.copyOfRange(got, 3, 10_000));
        assertArrayEquals(utf8("xyz"), Arrays.copyOfRange(got, 10_000, 10_003));
    }

    @Test
    void readAtEndOfFileReturnsNothing() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "short", utf8("abc"));
        assertEquals(0, c.read(3, 3, 100).length);
        assertEquals(0, c.read(3, 1_000_000, 100).length);
    }

    @Test
    void appendWritesGoToTheEndWhateverTheOffset() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "log", utf8("hello"));
        c.clunk(3);
        FileOps.open(c, 2, 4, Linux.O_WRONLY | Linux.O_APPEND, "log");
        c.write(4, 0, utf8(" world"));
        assertArrayEquals(utf8("hello world"), FileOps.contentOf(c, 2, 5, "log"));
    }

    @Test
    void truncOnLopenEmptiesTheFile() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "full", utf8("content"));
        c.clunk(3);
        FileOps.open(c, 2, 4, Linux.O_RDWR | Linux.O_TRUNC, "full");
        assertEquals(0, c.getattr(4, P9.GETATTR_BASIC).size());
        assertEquals(0, c.read(4, 0, 100).length);
    }

    @Test
    void lopenOfAnOpenFidFails() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", new byte[0]);
        c.clunk(3);
        FileOps.open(c, 2, 4, Linux.O_RDONLY, "f");
        assertThrows(NinepException.class, () -> c.lopen(4, Linux.O_RDONLY));
    }

    @Test
    void readOnAWriteOnlyFidIsEbadf() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", utf8("data"));
        FileOps.open(c, 2, 4, Linux.O_WRONLY, "f");
        assertErrno(Errno.EBADF, () -> c.read(4, 0, 10));
    }

    @Test
    void writeOnAReadOnlyFidIsEbadf() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", utf8("data"));
        FileOps.open(c, 2, 4, Linux.O_RDONLY, "f");
        assertErrno(Errno.EBADF, () -> c.write(4, 0, utf8("no")));
        assertArrayEquals(utf8("data"), c.read(4, 0, 10));
    }

    @Test
    void readOnAnUnopenedFidFails() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", utf8("data"));
        c.walk(2, 4, "f");
        assertThrows(NinepException.class, () -> c.read(4, 0, 10));
    }

    @Test
    void lcreateLeavesTheFidOpenOnTheNewFile() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        long created = c.lcreate(3, "new", Linux.O_RDWR, 0644, 0).qid().path();
        assertEquals(created, c.getattr(3, P9.GETATTR_BASIC).qid().path());
        assertEquals(created, c.walk(2, 4, "new").get(0).path());
    }

    @Test
    void readOnAnOpenDirectoryIsEisdir() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lopen(3, Linux.O_RDONLY);
        assertErrno(Errno.EISDIR, () -> c.read(3, 0, 10));
    }

    @Test
    void exclusiveLcreateOfAnExistingNameIsEexist() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "taken", utf8("first"));
        c.walk(2, 4);
        assertErrno(Errno.EEXIST, () -> c.lcreate(4, "taken", Linux.O_RDWR | Linux.O_EXCL, 0644, 0));
    }

    @Test
    void failedLcreateLeavesTheFidOnTheDirectory() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "taken", new byte[0]);
        c.walk(2, 4);
        assertThrows(NinepException.class, () -> c.lcreate(4, "taken", Linux.O_RDWR | Linux.O_EXCL, 0644, 0));
        c.lcreate(4, "other", Linux.O_RDWR, 0644, 0);
        assertEquals(1, c.walk(2, 5, "other").size());
    }

    @Test
    void lcreateWithoutExclOpensAnExistingFile() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid first = FileOps.createFile(c, 2, 3, "shared", utf8("kept"));
        c.walk(2, 4);
        assertEquals(first.path(), c.lcreate(4, "shared", Linux.O_RDWR, 0644, 0).qid().path());
        assertArrayEquals(utf8("kept"), c.read(4, 0, 100));
    }

    @Test
    void writeOfMsizeLessIohdrszIsTakenWhole() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        byte[] data = randomBytes(MSIZE - P9.IOHDRSZ, 3);
        FileOps.createFile(c, 2, 3, "max", new byte[0]);
        assertEquals(data.length, c.write(3, 0, data));
        assertArrayEquals(data, c.read(3, 0, data.length));
    }

    /** open(2) with O_CREAT as the Linux client forwards it: extra flags, and S_IFREG in the mode. */
    @Test
    void lcreateTakesTheFlagsAndModeLinuxSends() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", Linux.O_WRONLY | Linux.O_CREAT | Linux.O_LARGEFILE | Linux.O_CLOEXEC,
                Linux.S_IFREG | 0640, 0);
        assertEquals(3, c.write(3, 0, utf8("abc")));
        assertEquals(Linux.S_IFREG | 0640, c.getattr(3, P9.GETATTR_BASIC).mode());
    }
}
