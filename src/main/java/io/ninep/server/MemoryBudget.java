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
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Size of {@link #waiters}, read without the lock so that a release with nobody waiting costs one atomic. */
    private volatile int waiting;

    private record Waiter(long bytes, Runnable wake) {
    }

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
        if (waiting > 0) {
            wakeThoseThatFit();
        }
    }

    /**
     * Runs {@code wake} (once) when {@code bytes} may fit; the waiter then tries again, and waits anew if
     * someone took the room first. A release between the failed reservation and this registration is not
     * missed: the room is checked again after registering.
     */
    public void await(long bytes, Runnable wake) {
        synchronized (this) {
            waiters.add(new Waiter(bytes, wake));
            waiting = waiters.size();
        }
        wakeThoseThatFit();
    }

    /**
     * Wakes waiters in arrival order while what they asked for fits in the room left, so that a release
     * wakes the few connections it can serve rather than every waiting one (a herd that would mostly
     * fail and wait again). With nothing reserved, the first waiter always fits (see the class comment).
     */
    private void wakeThoseThatFit() {
        List<Runnable> wake = new ArrayList<>();
        synchronized (this) {
            long now = used.get();
            long room = limit - now;
            while (!waiters.isEmpty() && (waiters.peek().bytes() <= room || (now == 0 && wake.isEmpty()))) {
                Waiter w = waiters.poll();
                room -= w.bytes();
                wake.add(w.wake());
            }
            waiting = waiters.size();
        }
        wake.forEach(Runnable::run);
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used.get();
    }
}
