package io.ninep.health;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how responsive each event loop is: a timer on every loop notes how late it fires. A loop stuck
 * in a long task cannot fire its timer at all, so the current delay also counts how overdue the next firing
 * is; a frozen loop shows a growing delay instead of its last good measurement.
 */
public final class EventLoopProbe {
    private final List<Loop> loops = new ArrayList<>();
    private final long periodNanos;
    private volatile boolean stopped;

    public EventLoopProbe(Iterable<? extends EventExecutor> executors, Duration period) {
        this.periodNanos = period.toNanos();
        int i = 0;
        for (EventExecutor e : executors) {
            loops.add(new Loop(e, "event-loop-" + i++));
        }
    }

    public void start() {
        loops.forEach(Loop::schedule);
    }

    public void stop() {
        stopped = true;
        loops.forEach(Loop::cancel);
    }

    public List<LoopDelay> delays() {
        long now = System.nanoTime();
        List<LoopDelay> out = new ArrayList<>(loops.size());
        for (Loop l : loops) {
            out.add(l.delay(now));
        }
        return out;
    }

    /** The worst current delay over all loops. */
    public Duration worstCurrent() {
        long worst = 0;
        for (LoopDelay d : delays()) {
            worst = Math.max(worst, d.currentNanos());
        }
        return Duration.ofNanos(worst);
    }

    /**
     * Delays of one loop in nanoseconds: the last measured, the largest measured and the current one (the
     * last, or how overdue the pending firing is if that is more).
     */
    public record LoopDelay(String loop, long lastNanos, long maxNanos, long currentNanos) {
    }

    private final class Loop {
        private final EventExecutor executor;
        private final AtomicLong maxNanos = new AtomicLong();
        private volatile String name;
        private volatile long lastNanos;
        private volatile long dueNanos;
        private volatile ScheduledFuture<?> next;

        Loop(EventExecutor executor, String name) {
            this.executor = executor;
            this.name = name;
        }

        void schedule() {
            if (stopped) {
                return;
            }
            dueNanos = System.nanoTime() + periodNanos;
            next = executor.schedule(this::fire, periodNanos, TimeUnit.NANOSECONDS);
        }

        private void fire() {
            long late = Math.max(0, System.nanoTime() - dueNanos);
            lastNanos = late;
            maxNanos.accumulateAndGet(late, Math::max);
            name = Thread.currentThread().getName();
            schedule();
        }

        void cancel() {
            ScheduledFuture<?> f = next;
            if (f != null) {
                f.cancel(false);
            }
        }

        LoopDelay delay(long now) {
            long overdue = next == null ? 0 : Math.max(0, now - dueNanos);
            long last = lastNanos;
            return new LoopDelay(name, last, Math.max(maxNanos.get(), overdue), Math.max(last, overdue));
        }
    }
}
