package io.ninep.server.lock;

import static io.ninep.server.lock.LockType.READ;
import static io.ninep.server.lock.LockType.UNLOCK;
import static io.ninep.server.lock.LockType.WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockTableTest {
    private static final FileKey FILE = new FileKey(1, 42);
    private static final FileKey OTHER_FILE = new FileKey(1, 43);
    private static final LockOwner ALICE = new LockOwner(1, "host-a", 100);
    private static final LockOwner BOB = new LockOwner(2, "host-b", 200);
    private static final long ALICE_FID = 11;
    private static final long ALICE_FID2 = 12;
    private static final long BOB_FID = 21;

    private final LockTable table = new LockTable();

    private static LockRange range(LockType type, long start, long length, LockOwner owner) {
        return new LockRange(type, start, length, owner);
    }

    @Test
    void readLocksOfTwoOwnersShare() {
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, ALICE, READ, 0, 100, ALICE_FID));
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, BOB, READ, 50, 100, BOB_FID));
        assertEquals(2, table.size());
    }

    @Test
    void writeLockIsBlockedByAnotherOwnersReadLock() {
        table.lock(FILE, ALICE, READ, 0, 100, ALICE_FID);
        assertEquals(LockStatus.BLOCKED, table.lock(FILE, BOB, WRITE, 99, 1, BOB_FID));
        assertEquals(List.of(range(READ, 0, 100, ALICE)), table.locks(FILE));
    }

    @Test
    void readAndWriteLocksAreBlockedByAnotherOwnersWriteLock() {
        table.lock(FILE, ALICE, WRITE, 10, 10, ALICE_FID);
        assertEquals(LockStatus.BLOCKED, table.lock(FILE, BOB, READ, 0, 11, BOB_FID));
        assertEquals(LockStatus.BLOCKED, table.lock(FILE, BOB, WRITE, 19, 5, BOB_FID));
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, BOB, WRITE, 20, 5, BOB_FID));
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, BOB, READ, 0, 10, BOB_FID));
    }

    @Test
    void locksOnDifferentFilesNeverConflict() {
        table.lock(FILE, ALICE, WRITE, 0, 0, ALICE_FID);
        assertEquals(LockStatus.SUCCESS, table.lock(OTHER_FILE, BOB, WRITE, 0, 0, BOB_FID));
    }

    @Test
    void ownerUpgradesItsReadLockWithoutConflictingWithItself() {
        table.lock(FILE, ALICE, READ, 0, 100, ALICE_FID);
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, ALICE, WRITE, 0, 100, ALICE_FID));
        assertEquals(List.of(range(WRITE, 0, 100, ALICE)), table.locks(FILE));
    }

    @Test
    void ownerDowngradesPartOfItsWriteLock() {
        table.lock(FILE, ALICE, WRITE, 0, 100, ALICE_FID);
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, ALICE, READ, 40, 20, ALICE_FID));
        assertEquals(List.of(range(WRITE, 0, 40, ALICE), range(READ, 40, 20, ALICE), range(WRITE, 60, 40, ALICE)),
                table.locks(FILE));
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, BOB, READ, 45, 10, BOB_FID));
        assertEquals(LockStatus.BLOCKED, table.lock(FILE, BOB, READ, 55, 10, BOB_FID));
    }

    @Test
    void upgradeIsBlockedWhileAnotherOwnerSharesTheRange() {
        table.lock(FILE, ALICE, READ, 0, 100, ALICE_FID);
        table.lock(FILE, BOB, READ, 50, 10, BOB_FID);
        assertEquals(LockStatus.BLOCKED, table.lock(FILE, ALICE, WRITE, 0, 100, ALICE_FID));
        assertEquals(List.of(range(READ, 0, 100, ALICE), range(READ, 50, 10, BOB)), table.locks(FILE));
    }

    @Test
    void unlockInTheMiddleSplitsARangeInTwo() {
        table.lock(FILE, ALICE, WRITE, 0, 100, ALICE_FID);
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, ALICE, UNLOCK, 40, 20, ALICE_FID));
        assertEquals(List.of(range(WRITE, 0, 40, ALICE), range(WRITE, 60, 40, ALICE)), table.locks(FILE));
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, BOB, WRITE, 40, 20, BOB_FID));
    }

    @Test
    void unlockAcrossSeveralRangesTrimsAndRemoves() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.lock(FILE, ALICE, READ, 20, 10, ALICE_FID);
        table.lock(FILE, ALICE, WRITE, 40, 10, ALICE_FID);
        table.lock(FILE, ALICE, UNLOCK, 5, 40, ALICE_FID);
        assertEquals(List.of(range(WRITE, 0, 5, ALICE), range(WRITE, 45, 5, ALICE)), table.locks(FILE));
    }

    @Test
    void unlockOfNothingSucceedsAndLeavesNoEntry() {
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, ALICE, UNLOCK, 0, 0, ALICE_FID));
        assertTrue(table.snapshot().isEmpty());
        assertEquals(0, table.indexedHolders());
    }

    @Test
    void unlockNeverTouchesAnotherOwnersLocks() {
        table.lock(FILE, ALICE, READ, 0, 10, ALICE_FID);
        table.lock(FILE, BOB, READ, 0, 10, BOB_FID);
        table.lock(FILE, BOB, UNLOCK, 0, 0, BOB_FID);
        assertEquals(List.of(range(READ, 0, 10, ALICE)), table.locks(FILE));
    }

    @Test
    void adjacentRangesOfTheSameTypeMerge() {
        table.lock(FILE, ALICE, READ, 0, 10, ALICE_FID);
        table.lock(FILE, ALICE, READ, 20, 10, ALICE_FID);
        table.lock(FILE, ALICE, READ, 10, 10, ALICE_FID);
        assertEquals(List.of(range(READ, 0, 30, ALICE)), table.locks(FILE));
    }

    @Test
    void overlappingRangesOfTheSameTypeMerge() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.lock(FILE, ALICE, WRITE, 5, 10, ALICE_FID);
        assertEquals(List.of(range(WRITE, 0, 15, ALICE)), table.locks(FILE));
    }

    @Test
    void adjacentRangesOfDifferentTypesStaySeparate() {
        table.lock(FILE, ALICE, READ, 0, 10, ALICE_FID);
        table.lock(FILE, ALICE, WRITE, 10, 10, ALICE_FID);
        assertEquals(List.of(range(READ, 0, 10, ALICE), range(WRITE, 10, 10, ALICE)), table.locks(FILE));
    }

    @Test
    void relockingAnIdenticalRangeKeepsOneEntry() {
        table.lock(FILE, ALICE, WRITE, 0, 0, ALICE_FID);
        table.lock(FILE, ALICE, WRITE, 0, 0, ALICE_FID);
        assertEquals(List.of(range(WRITE, 0, 0, ALICE)), table.locks(FILE));
    }

    @Test
    void zeroLengthLockReachesToEndOfFileAndBlocksAnyLaterRange() {
        table.lock(FILE, ALICE, WRITE, 1000, 0, ALICE_FID);
        assertEquals(LockStatus.BLOCKED, table.lock(FILE, BOB, READ, Long.MAX_VALUE - 1, 1, BOB_FID));
        assertEquals(LockStatus.BLOCKED, table.lock(FILE, BOB, WRITE, 1L << 40, 4096, BOB_FID));
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, BOB, WRITE, 0, 1000, BOB_FID));
        assertEquals(Long.MAX_VALUE, table.locks(FILE).get(1).end());
    }

    @Test
    void unlockToEndOfFileRemovesEverythingFromStart() {
        table.lock(FILE, ALICE, WRITE, 0, 0, ALICE_FID);
        table.lock(FILE, ALICE, UNLOCK, 50, 0, ALICE_FID);
        assertEquals(List.of(range(WRITE, 0, 50, ALICE)), table.locks(FILE));
    }

    @Test
    void rangeRunningPastTheLargestOffsetIsTreatedAsToEndOfFile() {
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, ALICE, WRITE, Long.MAX_VALUE - 5, Long.MAX_VALUE, ALICE_FID));
        assertEquals(List.of(range(WRITE, Long.MAX_VALUE - 5, 0, ALICE)), table.locks(FILE));
        assertEquals(LockStatus.BLOCKED, table.lock(FILE, BOB, READ, Long.MAX_VALUE, 1, BOB_FID));
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, BOB, READ, 0, Long.MAX_VALUE - 5, BOB_FID));
    }

    @Test
    void lastByteCanBeLockedAndUnlockedAlone() {
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, ALICE, WRITE, Long.MAX_VALUE, 1, ALICE_FID));
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, BOB, WRITE, 0, Long.MAX_VALUE, BOB_FID));
        table.lock(FILE, ALICE, UNLOCK, Long.MAX_VALUE, 0, ALICE_FID);
        assertEquals(List.of(range(WRITE, 0, Long.MAX_VALUE, BOB)), table.locks(FILE));
    }

    @Test
    void negativeStartOrLengthIsAnError() {
        assertEquals(LockStatus.ERROR, table.lock(FILE, ALICE, WRITE, -1, 10, ALICE_FID));
        assertEquals(LockStatus.ERROR, table.lock(FILE, ALICE, READ, 0, -1, ALICE_FID));
        assertEquals(LockStatus.ERROR, table.lock(FILE, ALICE, UNLOCK, Long.MIN_VALUE, 0, ALICE_FID));
        assertEquals(0, table.size());
        assertThrows(IllegalArgumentException.class, () -> table.test(FILE, BOB, WRITE, -5, 0));
    }

    @Test
    void testReturnsTheConflictingLockOfAnotherOwner() {
        table.lock(FILE, ALICE, WRITE, 100, 50, ALICE_FID);
        assertEquals(Optional.of(range(WRITE, 100, 50, ALICE)), table.test(FILE, BOB, READ, 0, 0));
        assertEquals(Optional.empty(), table.test(FILE, BOB, WRITE, 0, 100));
        assertEquals(Optional.empty(), table.test(FILE, ALICE, WRITE, 0, 0));
    }

    @Test
    void testReturnsTheLowestConflictingLock() {
        table.lock(FILE, ALICE, WRITE, 500, 10, ALICE_FID);
        table.lock(FILE, BOB, WRITE, 200, 10, BOB_FID);
        LockOwner carol = new LockOwner(3, "host-c", 300);
        assertEquals(Optional.of(range(WRITE, 200, 10, BOB)), table.test(FILE, carol, WRITE, 0, 0));
    }

    @Test
    void testForReadIgnoresOtherReadersButWriteDoesNot() {
        table.lock(FILE, ALICE, READ, 0, 10, ALICE_FID);
        assertEquals(Optional.empty(), table.test(FILE, BOB, READ, 0, 10));
        assertEquals(Optional.of(range(READ, 0, 10, ALICE)), table.test(FILE, BOB, WRITE, 5, 1));
    }

    @Test
    void testWithUnlockTypeReportsAnyLockOfAnotherOwner() {
        table.lock(FILE, ALICE, READ, 0, 10, ALICE_FID);
        assertEquals(Optional.of(range(READ, 0, 10, ALICE)), table.test(FILE, BOB, UNLOCK, 0, 0));
    }

    @Test
    void testChangesNothing() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.test(FILE, BOB, WRITE, 0, 10);
        table.test(OTHER_FILE, BOB, WRITE, 0, 10);
        assertEquals(Map.of(FILE, List.of(range(WRITE, 0, 10, ALICE))), table.snapshot());
    }

    @Test
    void releaseFidDropsOnlyThatFidsLocks() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.lock(OTHER_FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.lock(FILE, ALICE, READ, 100, 10, ALICE_FID2);
        table.lock(FILE, BOB, READ, 100, 10, BOB_FID);
        table.releaseFid(ALICE_FID);
        assertEquals(Map.of(FILE, List.of(range(READ, 100, 10, ALICE), range(READ, 100, 10, BOB))),
                table.snapshot());
    }

    @Test
    void rangesOfOneOwnerFromTwoFidsStaySeparateSoEachFidReleasesItsOwn() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.lock(FILE, ALICE, WRITE, 10, 10, ALICE_FID2);
        table.lock(FILE, ALICE, WRITE, 5, 2, ALICE_FID2);
        assertEquals(List.of(range(WRITE, 0, 5, ALICE), range(WRITE, 5, 2, ALICE), range(WRITE, 7, 3, ALICE),
                range(WRITE, 10, 10, ALICE)), table.locks(FILE));
        table.releaseFid(ALICE_FID2);
        assertEquals(List.of(range(WRITE, 0, 5, ALICE), range(WRITE, 7, 3, ALICE)), table.locks(FILE));
    }

    @Test
    void relockingThroughAnotherFidMovesTheRangeToThatFid() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID2);
        table.releaseFid(ALICE_FID);
        assertEquals(List.of(range(WRITE, 0, 10, ALICE)), table.locks(FILE));
        table.releaseFid(ALICE_FID2);
        assertEquals(List.of(), table.locks(FILE));
    }

    @Test
    void unlockThroughAnyFidReleasesTheOwnersLocks() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.lock(FILE, ALICE, UNLOCK, 0, 0, ALICE_FID2);
        assertEquals(0, table.size());
        assertEquals(0, table.indexedHolders());
    }

    @Test
    void releasingAFidWithoutLocksChangesNothing() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.releaseFid(999);
        assertEquals(1, table.size());
    }

    @Test
    void releaseConnectionDropsAllItsLocksOnEveryFile() {
        LockOwner aliceOtherProcess = new LockOwner(1, "host-a", 101);
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.lock(OTHER_FILE, aliceOtherProcess, READ, 0, 10, ALICE_FID2);
        table.lock(FILE, BOB, WRITE, 20, 10, BOB_FID);
        table.releaseConnection(1);
        assertEquals(Map.of(FILE, List.of(range(WRITE, 20, 10, BOB))), table.snapshot());
        table.releaseConnection(2);
        assertTrue(table.snapshot().isEmpty());
        assertEquals(0, table.indexedHolders());
    }

    @Test
    void sameClientIdAndProcIdOnTwoConnectionsAreDifferentOwners() {
        LockOwner first = new LockOwner(1, "localhost", 7);
        LockOwner second = new LockOwner(2, "localhost", 7);
        assertEquals(LockStatus.SUCCESS, table.lock(FILE, first, WRITE, 0, 0, 1));
        assertEquals(LockStatus.BLOCKED, table.lock(FILE, second, WRITE, 0, 0, 2));
        assertEquals(Optional.of(range(WRITE, 0, 0, first)), table.test(FILE, second, READ, 0, 1));
        table.lock(FILE, second, UNLOCK, 0, 0, 2);
        assertEquals(List.of(range(WRITE, 0, 0, first)), table.locks(FILE));
    }

    @Test
    void fileEntryDisappearsWithItsLastRange() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        table.lock(FILE, BOB, READ, 20, 10, BOB_FID);
        table.lock(FILE, ALICE, UNLOCK, 0, 0, ALICE_FID);
        table.releaseFid(BOB_FID);
        assertTrue(table.snapshot().isEmpty());
        assertEquals(0, table.size());
        assertEquals(0, table.indexedHolders());
    }

    @Test
    void snapshotIsNotChangedByLaterLocks() {
        table.lock(FILE, ALICE, WRITE, 0, 10, ALICE_FID);
        Map<FileKey, List<LockRange>> before = table.snapshot();
        List<LockRange> fileBefore = table.locks(FILE);
        table.lock(FILE, ALICE, UNLOCK, 0, 0, ALICE_FID);
        assertEquals(List.of(range(WRITE, 0, 10, ALICE)), before.get(FILE));
        assertEquals(List.of(range(WRITE, 0, 10, ALICE)), fileBefore);
    }
}
