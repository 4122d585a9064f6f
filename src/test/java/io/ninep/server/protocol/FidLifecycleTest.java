package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static io.ninep.server.protocol.NinepAssertions.assertEventually;

import io.ninep.client.NinepClient;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every fid bound is freed again, whatever ends it: Tclunk, Tremove (even a failed one), a second Tversion
 * or the connection closing. Freeing happens on a worker, so the live-fid counter is polled; each test first
 * waits for the fids of earlier tests' closed connections to drain.
 */
@QuarkusTest
class FidLifecycleTest extends NinepServerTestBase {
    private static final Duration FREE_WAIT = Duration.ofSeconds(5);

    private long live() {
        return server.stats().liveFids.get();
    }

    @BeforeEach
    void earlierConnectionsHaveDrained() throws Exception {
        assertEventually(FREE_WAIT, () -> live() == 0, "freeing the fids of earlier tests");
    }

    /** Fids of every kind: walked, open file, open directory, xattr read, pending xattr write. */
    private static void bindOneOfEachKind(NinepClient c) {
        c.walk(2, 3);
        c.lopen(3, Linux.O_RDONLY);
        FileOps.createFile(c, 2, 4, "f", new byte[] {1, 2, 3});
        c.walk(2, 5, "f");
        c.walk(5, 6);
        c.xattrcreate(6, "user.k", 1, 0);
        c.walk(2, 7);
        c.xattrwalk(7, 8, "");
    }

    @Test
    void clunkFreesEveryKindOfFid() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        bindOneOfEachKind(c);
        for (int fid = 8; fid >= 1; fid--) {
            if (fid != 6) {
                c.clunk(fid);
            }
        }
        assertErrno(Errno.EINVAL, () -> c.clunk(6));
        assertEventually(FREE_WAIT, () -> live() == 0, "freeing clunked fids");
    }

    @Test
    void disconnectFreesEveryFid() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        bindOneOfEachKind(c);
        c.close();
        assertEventually(FREE_WAIT, () -> live() == 0, "freeing the fids of a closed connection");
    }

    @Test
    void secondVersionFreesEveryFid() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        bindOneOfEachKind(c);
        c.version(MSIZE, P9.VERSION_9P2000_L);
        assertEventually(FREE_WAIT, () -> live() == 0, "freeing fids on Tversion");
    }

    @Test
    void failedRemoveFreesTheFid() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "full", 0755, 0);
        c.walk(2, 3, "full");
        c.mkdir(3, "inner", 0755, 0);
        assertErrno(Errno.ENOTEMPTY, () -> c.remove(3));
        c.clunk(2);
        c.clunk(ROOT);
        assertEventually(FREE_WAIT, () -> live() == 0, "freeing the fid of a failed remove");
    }

    @Test
    void shortWalkBindsNothing() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "sub", 0755, 0);
        c.walk(2, 3, "sub", "missing");
        c.clunk(2);
        c.clunk(ROOT);
        assertEventually(FREE_WAIT, () -> live() == 0, "no fid left after a short walk");
    }
}
