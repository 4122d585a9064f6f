package io.ninep.client;

import io.ninep.protocol.P9;
import io.ninep.protocol.Tmessage.Tclunk;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TagTableTest {
    private final TagTable tags = new TagTable();

    @Test
    void lowestFreeTagIsTakenAndReusedOnceFree() {
        assertEquals(0, tags.allocate(new Tclunk(0)).tag());
        assertEquals(1, tags.allocate(new Tclunk(1)).tag());
        assertEquals(2, tags.allocate(new Tclunk(2)).tag());
        tags.take(1);
        assertEquals(1, tags.allocate(new Tclunk(3)).tag());
        assertEquals(3, tags.allocate(new Tclunk(4)).tag());
    }

    @Test
    void explicitTagsAreSkippedByAllocation() {
        tags.register(0, new Tclunk(0));
        tags.register(1, new Tclunk(1));
        assertEquals(2, tags.allocate(new Tclunk(2)).tag());
    }

    @Test
    void allTagsBelowNotagCanBeInFlightAndNoMore() {
        for (int i = 0; i < P9.NOTAG; i++) {
            tags.allocate(new Tclunk(i));
        }
        assertEquals(P9.NOTAG, tags.outstanding());
        assertThrows(IllegalStateException.class, () -> tags.allocate(new Tclunk(0)));
        tags.take(40000);
        assertEquals(40000, tags.allocate(new Tclunk(0)).tag());
    }

    @Test
    void requestsSharingATagAreTakenInSendOrder() {
        TagTable.Pending first = tags.register(9, new Tclunk(1));
        TagTable.Pending second = tags.register(9, new Tclunk(2));
        assertSame(first, tags.take(9));
        assertSame(second, tags.take(9));
        assertNull(tags.take(9));
    }

    @Test
    void withdrawnRequestFreesItsTagOnce() {
        TagTable.Pending pending = tags.allocate(new Tclunk(1));
        assertTrue(tags.withdraw(pending));
        assertFalse(tags.withdraw(pending));
        assertEquals(0, tags.outstanding());
        assertEquals(0, tags.allocate(new Tclunk(2)).tag());
    }

    @Test
    void closedTableRefusesNewRequestsWithTheCause() {
        tags.allocate(new Tclunk(1));
        ConnectionClosedException cause = new ConnectionClosedException("gone");
        assertEquals(1, tags.close(cause).size());
        assertSame(cause, assertThrows(ConnectionClosedException.class, () -> tags.allocate(new Tclunk(2))));
    }

    @Test
    void tagOutsideSixteenBitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> tags.register(0x10000, new Tclunk(1)));
        assertThrows(IllegalArgumentException.class, () -> tags.register(-1, new Tclunk(1)));
    }
}
