package io.ninep.server;

/**
 * One connection's part of the global {@link MemoryBudget}. Without a cap per connection, a few peers that
 * pipeline big reads and never read the replies hold the whole budget and every other connection waits
 * (LESSONS.md §5). A connection holding nothing may always reserve one request, however large, so a
 * request bigger than the cap still runs. Touched only on the connection's context.
 */
final class MemoryShare {
    private final MemoryBudget budget;
    private final long cap;
    /** Bytes this connection holds in the budget: requests started and replies not yet written or dropped. */
    private long held;

    MemoryShare(MemoryBudget budget, long cap) {
        this.budget = budget;
        this.cap = cap;
    }

    /** Whether {@code bytes} more stay within this connection's cap; when not, its own releases make room. */
    boolean withinCap(long bytes) {
        return held == 0 || held + bytes <= cap;
    }

    /** Reserves in the global budget; false when it has no room now (see {@link MemoryBudget#await}). */
    boolean tryReserve(long bytes) {
        if (!budget.tryReserve(bytes)) {
            return false;
        }
        held += bytes;
        return true;
    }

    /** Reserves without checking either limit: for the few requests that must never wait (Tflush). */
    void forceReserve(long bytes) {
        budget.forceReserve(bytes);
        held += bytes;
    }

    void release(long bytes) {
        held -= bytes;
        budget.release(bytes);
    }

    void await(long bytes, Runnable wake) {
        budget.await(bytes, wake);
    }

    long held() {
        return held;
    }
}
