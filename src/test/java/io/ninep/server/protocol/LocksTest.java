package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static io.ninep.server.protocol.NinepAssertions.assertEventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ninep.client.NinepClient;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage.Rgetlock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tlock/Tgetlock: one byte-range table shared by every connection, released on clunk and on disconnect
 * (LESSONS.md traps). Fid 3 of {@code holder} and fid 3 of {@code other} are both open on one file.
 */
@QuarkusTest
class LocksTest extends NinepServerTestBase {
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);
    private static final int HOLDER_PID = 111;
    private static final int OTHER_PID = 222;

    private NinepClient holder;
    private NinepClient other;

    private void openOnBothConnections() throws Exception {
        holder = attached();
        String dir = freshDir(holder, 2);
        FileOps.createFile(holder, 2, 3, "locked", new byte[100]);
        other = attached();
        FileOps.open(other, ROOT, 3, Linux.O_RDWR, dir, "locked");
    }

    private int writeLock(NinepClient c, int pid, String clientId) {
        return c.lock(3, Linux.LOCK_WRLCK, 0, 0, 0, pid, clientId);
    }

    @Test
    void conflictingLockFromAnotherConnectionIsBlocked() throws Exception {
        openOnBothConnections();
        assertEquals(Linux.LOCK_SUCCESS, writeLock(holder, HOLDER_PID, "holder"));
        assertEquals(Linux.LOCK_BLOCKED, writeLock(other, OTHER_PID, "other"));
    }

    @Test
    void lockOfAnotherRangeIsGranted() throws Exception {
        openOnBothConnections();
        assertEquals(Linux.LOCK_SUCCESS, holder.lock(3, Linux.LOCK_WRLCK, 0, 0, 10, HOLDER_PID, "holder"));
        assertEquals(Linux.LOCK_SUCCESS, other.lock(3, Linux.LOCK_WRLCK, 0, 10, 10, OTHER_PID, "other"));
    }

    @Test
    void lengthZeroLocksToInfinityNotToTheCurrentSize() throws Exception {
        openOnBothConnections();
        writeLock(holder, HOLDER_PID, "holder");
        assertEquals(Linux.LOCK_BLOCKED, other.lock(3, Linux.LOCK_WRLCK, 0, 1_000_000, 1, OTHER_PID, "other"));
    }

    @Test
    void anotherProcessOnTheSameConnectionConflicts() throws Exception {
        openOnBothConnections();
        holder.walk(2, 4, "locked");
        holder.lopen(4, Linux.O_RDWR);
        writeLock(holder, HOLDER_PID, "holder");
        assertEquals(Linux.LOCK_BLOCKED, holder.lock(4, Linux.LOCK_WRLCK, 0, 0, 0, OTHER_PID, "holder"));
    }

    @Test
    void theSameOwnerMayLockAgain() throws Exception {
        openOnBothConnections();
        writeLock(holder, HOLDER_PID, "holder");
        assertEquals(Linux.LOCK_SUCCESS, holder.lock(3, Linux.LOCK_RDLCK, 0, 0, 0, HOLDER_PID, "holder"));
    }

    @Test
    void readLocksDoNotConflict() throws Exception {
        openOnBothConnections();
        assertEquals(Linux.LOCK_SUCCESS, holder.lock(3, Linux.LOCK_RDLCK, 0, 0, 0, HOLDER_PID, "holder"));
        assertEquals(Linux.LOCK_SUCCESS, other.lock(3, Linux.LOCK_RDLCK, 0, 0, 0, OTHER_PID, "other"));
    }

    @Test
    void getlockReportsTheHolder() throws Exception {
        openOnBothConnections();
        holder.lock(3, Linux.LOCK_WRLCK, 0, 5, 20, HOLDER_PID, "holder");
        Rgetlock conflict = other.getlock(3, Linux.LOCK_WRLCK, 0, 0, OTHER_PID, "other");
        assertEquals(Linux.LOCK_WRLCK, conflict.lockType());
        assertEquals(5, conflict.start());
        assertEquals(20, conflict.length());
        assertEquals(HOLDER_PID, conflict.procId());
        assertEquals("holder", conflict.clientId());
    }

    @Test
    void getlockWithoutConflictAnswersUnlocked() throws Exception {
        openOnBothConnections();
        Rgetlock none = other.getlock(3, Linux.LOCK_WRLCK, 0, 0, OTHER_PID, "other");
        assertEquals(Linux.LOCK_UNLCK, none.lockType());
    }

    @Test
    void unlockLetsTheOtherIn() throws Exception {
        openOnBothConnections();
        writeLock(holder, HOLDER_PID, "holder");
        assertEquals(Linux.LOCK_SUCCESS, holder.lock(3, Linux.LOCK_UNLCK, 0, 0, 0, HOLDER_PID, "holder"));
        assertEquals(Linux.LOCK_SUCCESS, writeLock(other, OTHER_PID, "other"));
    }

    @Test
    void clunkReleasesTheLock() throws Exception {
        openOnBothConnections();
        writeLock(holder, HOLDER_PID, "holder");
        holder.clunk(3);
        assertEventually(RELEASE_WAIT, () -> writeLock(other, OTHER_PID, "other") == Linux.LOCK_SUCCESS,
                "the other connection getting the lock after the holder's clunk");
    }

    @Test
    void disconnectReleasesTheLock() throws Exception {
        assertEventually(RELEASE_WAIT, () -> server.locks().size() == 0, "releasing the locks of earlier tests");
        openOnBothConnections();
        writeLock(holder, HOLDER_PID, "holder");
        assertEquals(1, server.locks().size());
        holder.close();
        assertEventually(RELEASE_WAIT, () -> server.locks().size() == 0, "lock release on disconnect");
        assertEquals(Linux.LOCK_SUCCESS, writeLock(other, OTHER_PID, "other"));
    }

    @Test
    void secondVersionReleasesTheLock() throws Exception {
        openOnBothConnections();
        writeLock(holder, HOLDER_PID, "holder");
        holder.version(MSIZE, P9.VERSION_9P2000_L);
        assertEventually(RELEASE_WAIT, () -> writeLock(other, OTHER_PID, "other") == Linux.LOCK_SUCCESS,
                "the other connection getting the lock after the holder's Tversion");
    }

    @Test
    void lockOnAWalkedButUnopenedFidFails() throws Exception {
        openOnBothConnections();
        holder.walk(2, 4, "locked");
        assertErrno(Errno.EBADF, () -> holder.lock(4, Linux.LOCK_WRLCK, 0, 0, 0, HOLDER_PID, "holder"));
    }
}
