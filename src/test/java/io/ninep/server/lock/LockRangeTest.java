package io.ninep.server.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LockRangeTest {
    private static final LockOwner OWNER = new LockOwner(1, "host", 1);

    @Test
    void endIsInclusive() {
        assertEquals(109, new LockRange(LockType.READ, 10, 100, OWNER).end());
    }

    @Test
    void zeroLengthEndsAtTheLargestOffset() {
        assertEquals(Long.MAX_VALUE, new LockRange(LockType.READ, 10, 0, OWNER).end());
    }

    @Test
    void lengthRunningPastTheLargestOffsetEndsThere() {
        assertEquals(Long.MAX_VALUE, new LockRange(LockType.READ, Long.MAX_VALUE, 2, OWNER).end());
        assertEquals(Long.MAX_VALUE, new LockRange(LockType.READ, 1, Long.MAX_VALUE, OWNER).end());
        assertEquals(Long.MAX_VALUE - 1, new LockRange(LockType.READ, 0, Long.MAX_VALUE, OWNER).end());
    }

    @Test
    void lengthOfInvertsEnd() {
        assertEquals(100, LockRange.lengthOf(10, 109));
        assertEquals(0, LockRange.lengthOf(10, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, LockRange.lengthOf(0, Long.MAX_VALUE - 1));
    }

    @Test
    void negativeStartOrLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LockRange(LockType.READ, -1, 0, OWNER));
        assertThrows(IllegalArgumentException.class, () -> new LockRange(LockType.READ, 0, -1, OWNER));
    }

    @Test
    void lockTypeWireValuesFollowTheSpec() {
        assertEquals(LockType.READ, LockType.fromWire(0));
        assertEquals(LockType.WRITE, LockType.fromWire(1));
        assertEquals(LockType.UNLOCK, LockType.fromWire(2));
        for (LockType type : LockType.values()) {
            assertEquals(type, LockType.fromWire(type.wire()));
        }
        assertThrows(IllegalArgumentException.class, () -> LockType.fromWire(3));
        assertThrows(IllegalArgumentException.class, () -> LockType.fromWire(-1));
    }

    @Test
    void lockStatusWireValuesFollowTheSpec() {
        assertEquals(0, LockStatus.SUCCESS.wire());
        assertEquals(1, LockStatus.BLOCKED.wire());
        assertEquals(2, LockStatus.ERROR.wire());
    }
}
