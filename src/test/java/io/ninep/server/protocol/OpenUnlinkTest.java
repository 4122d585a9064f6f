package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ninep.client.NinepClient;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage.Rgetattr;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Open-unlink-fstat (PROTOCOL.md trap 3): an open fid whose name was unlinked through its directory keeps
 * working until it is clunked.
 */
@QuarkusTest
class OpenUnlinkTest extends NinepServerTestBase {
    private static final byte[] DATA = "still here".getBytes(StandardCharsets.UTF_8);

    /** Fid 3 open read-write on a file whose only name is gone. */
    private NinepClient openThenUnlinked() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "doomed", DATA);
        c.unlinkat(2, "doomed", 0);
        return c;
    }

    @Test
    void nameIsGoneAfterUnlink() throws Exception {
        NinepClient c = openThenUnlinked();
        assertErrno(Errno.ENOENT, () -> c.walk(2, 4, "doomed"));
    }

    @Test
    void getattrReportsNoLinks() throws Exception {
        NinepClient c = openThenUnlinked();
        Rgetattr a = c.getattr(3, P9.GETATTR_BASIC);
        assertEquals(0, a.nlink());
        assertEquals(DATA.length, a.size());
    }

    @Test
    void readStillGivesTheData() throws Exception {
        NinepClient c = openThenUnlinked();
        assertArrayEquals(DATA, c.read(3, 0, 100));
    }

    @Test
    void writeStillWorks() throws Exception {
        NinepClient c = openThenUnlinked();
        byte[] more = "!".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, c.write(3, DATA.length, more));
        assertEquals(DATA.length + 1, c.read(3, 0, 100).length);
    }

    @Test
    void setattrStillWorks() throws Exception {
        NinepClient c = openThenUnlinked();
        c.setattr(3, Linux.SETATTR_SIZE | Linux.SETATTR_MODE, 0600, 0, 0, 5, 0, 0, 0, 0);
        Rgetattr a = c.getattr(3, P9.GETATTR_BASIC);
        assertEquals(5, a.size());
        assertEquals(Linux.S_IFREG | 0600, a.mode());
    }
}
