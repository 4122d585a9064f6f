package io.ninep.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.protocol.Dirent;
import io.ninep.protocol.P9;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replies stay strictly below msize: Linux drops the whole connection on a reply of msize bytes or more
 * (net/9p/trans_fd.c, p9_read_work: "requested packet size too big"), and the test client does the same.
 * Each test builds content that would make a reply exactly msize bytes long on a 4 KiB connection.
 */
@QuarkusTest
class ReplySizeTest extends NinepServerTestBase {
    private static final int SMALL_MSIZE = P9.MIN_MSIZE;

    /** A client at {@link #SMALL_MSIZE}, attached as {@link #ROOT} and with fid 2 on {@code dir}. */
    private NinepClient small(String dir) throws Exception {
        NinepClient c = NinepClient.connect("127.0.0.1", server.port()).timeout(Duration.ofSeconds(20));
        c.version(SMALL_MSIZE, P9.VERSION_9P2000_L);
        c.attach(ROOT, P9.NOFID, "root", "", 0);
        c.walk(ROOT, 2, dir);
        return c;
    }

    @Test
    void readdirOfACountAtMsizeStaysBelowMsize() throws Exception {
        NinepClient setup = attached();
        String dir = freshDir(setup, 2);
        // "." and ".." take 51 bytes; 14 entries of 279 bytes and one of 128 bring the total to msize − 11,
        // which the Rreaddir header (size type tag count) would round up to exactly msize.
        for (int i = 0; i < 14; i++) {
            setup.mkdir(2, String.format("%03d", i) + "x".repeat(252), 0755, 0);
        }
        setup.mkdir(2, "y".repeat(104), 0755, 0);
        try (NinepClient c = small(dir)) {
            c.walk(2, 3);
            c.lopen(3, Linux.O_RDONLY);
            List<Dirent> first = c.readdir(3, 0, SMALL_MSIZE);
            assertFalse(c.isClosed());
            assertFalse(first.isEmpty());
            assertEquals(17, c.readdirAll(3).size());
        }
    }

    @Test
    void readlinkOfATargetThatWouldFillMsizeIsAnError() throws Exception {
        NinepClient setup = attached();
        String dir = freshDir(setup, 2);
        // Rreadlink is size[4] type[1] tag[2] target[s]: a target of msize − 9 bytes makes it exactly msize.
        setup.symlink(2, "long", "t".repeat(SMALL_MSIZE - 9), 0);
        try (NinepClient c = small(dir)) {
            c.walk(2, 3, "long");
            // The target cannot fit, so Rlerror is the only answer the client can take.
            assertThrows(NinepException.class, () -> c.readlink(3));
            assertFalse(c.isClosed(), () -> "connection dropped: " + c.closeCause().getMessage());
        }
    }

    @Test
    void readlinkOfATargetJustBelowMsizeReadsBack() throws Exception {
        NinepClient setup = attached();
        String dir = freshDir(setup, 2);
        String target = "t".repeat(SMALL_MSIZE - 10);
        setup.symlink(2, "long", target, 0);
        try (NinepClient c = small(dir)) {
            c.walk(2, 3, "long");
            assertEquals(target, c.readlink(3));
        }
    }
}
