package io.ninep.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The global budget for request and reply buffers (LESSONS.md §5, the kernel's 9p mempools). A connection
 * reserves a request's frame and the largest reply it can produce before admitting it, and releases both
 * once the reply is written or dropped. When a reservation does not fit, the connection stops reading and
 * waits; nothing is allocated beyond the budget and nothing fails for lack of it. A reservation larger
 * than the whole budget is granted when nothing else is reserved, so no request can wait forever.
 */
public final class MemoryBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();
    /** Connections waiting for room, woken in arrival order; guarded by {@code this}. */
    private final ArrayDeque<Runnable> waiters = new ArrayDeque<>();

    public MemoryBudget(long limit) {
        this.limit = limit;
    }

    public boolean tryReserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > limit && now != 0) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Reserves without checking: for the few requests that must never wait (Tflush). */
    public void forceReserve(long bytes) {
        used.addAndGet(bytes);
    }

    public void release(long bytes) {
        used.addAndGet(-bytes);
        List<Runnable> wake;
        synchronized (this) {
            wake = new ArrayList<>(waiters);
            waiters.clear();
        }
        wake.forEach(Runnable::run);
    }

    /**
     * Runs {@code wake} (once) after the next release, when {@code bytes} may fit; the waiter then tries
     * again. A release between the failed reservation and this registration is not missed: the room is
     * re-checked after registering.
     */
    public void await(long bytes, Runnable wake) {
        synchronized (this) {
            waiters.add(wake);
        }
        long now = used.get();
        if (now == 0 || now + bytes <= limit) {
            release(0);
        }
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used.get();
    }
}
