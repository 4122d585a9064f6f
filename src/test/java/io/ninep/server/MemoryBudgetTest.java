package io.ninep.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who a release wakes: waiters in arrival order, as many as the room left can serve. */
class MemoryBudgetTest {
    private final MemoryBudget budget = new MemoryBudget(100);
    private final List<String> woken = new ArrayList<>();

    private void await(String name, long bytes) {
        budget.await(bytes, () -> woken.add(name));
    }

    @Test
    void aReleaseWakesTheWaitersItsRoomCanServeInArrivalOrder() {
        assertTrue(budget.tryReserve(90));
        await("a", 30);
        await("b", 20);
        await("c", 10);
        assertEquals(List.of(), woken, "no room yet");
        budget.release(40);
        assertEquals(List.of("a", "b"), woken, "50 bytes of room: a and b, not c");
        budget.release(50);
        assertEquals(List.of("a", "b", "c"), woken);
    }

    @Test
    void aWaiterBehindOneThatDoesNotFitKeepsItsTurn() {
        assertTrue(budget.tryReserve(100));
        await("big", 80);
        await("small", 10);
        budget.release(20);
        assertEquals(List.of(), woken, "small fits, but big came first");
        budget.release(70);
        assertEquals(List.of("big", "small"), woken);
    }

    @Test
    void withNothingReservedTheFirstWaiterIsWokenEvenIfLargerThanTheBudget() {
        assertTrue(budget.tryReserve(50));
        await("huge", 500);
        await("next", 10);
        budget.release(50);
        assertEquals(List.of("huge"), woken, "the next waiter waits for huge's turn to end");
        assertTrue(budget.tryReserve(500));
        assertFalse(budget.tryReserve(10));
    }

    @Test
    void registeringWhenRoomAlreadyExistsWakesAtOnce() {
        assertTrue(budget.tryReserve(60));
        await("late", 30);
        assertEquals(List.of("late"), woken, "the release it raced with is not missed");
    }

    @Test
    void aReleaseWithNobodyWaitingOnlyReturnsTheBytes() {
        assertTrue(budget.tryReserve(70));
        budget.release(70);
        assertEquals(0, budget.used());
        assertTrue(budget.tryReserve(100));
    }
}
