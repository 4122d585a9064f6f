package io.ninep.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run blocking file-system calls: {@code concurrency} of them serve the queue while the calls
 * are quick, and one more joins for every call stuck longer than {@code stall}, up to {@code limit}.
 *
 * <p>Why not a fixed pool of {@code limit} threads: with 32 idle threads every request woke a parked one, ran
 * a 20 µs statx and parked it again; with a few threads a worker that finishes usually finds the next request
 * queued. Under {@code meta} at 32 connections × 1 that cut context switches by 30 % and server CPU per
 * operation by a tenth. A few threads alone would let one slow call (fsync, a hung NFS mount) hold up every
 * quick one behind it, hence the stall watch: it runs only while some call is in progress.
 */
final class WorkerPool extends ThreadPoolExecutor {
    private final int concurrency;
    private final int limit;
    private final long stallNanos;
    private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watch;
    private final AtomicBoolean watching = new AtomicBoolean();

    WorkerPool(int concurrency, int limit, Duration stall) {
        super(concurrency, concurrency, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        if (concurrency < 1 || concurrency > limit) {
            throw new IllegalArgumentException("concurrency " + concurrency + " not in 1.." + limit);
        }
        this.concurrency = concurrency;
        this.limit = limit;
        this.stallNanos = stall.toNanos();
        AtomicInteger names = new AtomicInteger();
        setThreadFactory(task -> new Worker(task, "ninep-worker-" + names.incrementAndGet()));
        watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ninep-worker-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Threads alive now (idle ones included). */
    int threads() {
        return workers.size();
    }

    /** Calls running now that started longer than the stall threshold ago. */
    int stalled() {
        long now = System.nanoTime();
        int n = 0;
        for (Worker w : workers) {
            long started = w.callStarted;
            if (started != 0 && now - started > stallNanos) {
                n++;
            }
        }
        return n;
    }

    @Override
    protected void beforeExecute(Thread t, Runnable r) {
        ((Worker) t).callStarted = System.nanoTime();
        if (!watching.get() && watching.compareAndSet(false, true)) {
            scheduleCheck();
        }
    }

    @Override
    protected void afterExecute(Runnable r, Throwable t) {
        ((Worker) Thread.currentThread()).callStarted = 0;
    }

    @Override
    protected void terminated() {
        watch.shutdownNow();
    }

    private void scheduleCheck() {
        if (!watch.isShutdown()) {
            watch.schedule(this::check, stallNanos / 2, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Sizes the pool to {@code concurrency} plus the stalled calls, and re-arms itself while any call is in
     * progress. Raising the core starts threads for queued work; lowering the maximum makes a spare exit as soon
     * as it finishes its call (an idle timeout would never fire: the queue wakes its waiting threads in turn, so
     * under steady load no thread stays idle for long).
     */
    private void check() {
        int wanted = Math.min(limit, concurrency + stalled());
        if (wanted > getCorePoolSize()) {
            setMaximumPoolSize(wanted);
            setCorePoolSize(wanted);
        } else if (wanted < getCorePoolSize()) {
            setCorePoolSize(wanted);
            setMaximumPoolSize(wanted);
        }
        if (busy() || !getQueue().isEmpty()) {
            scheduleCheck();
            return;
        }
        watching.set(false);
        // A call that began between busy() and the reset saw watching still set and did not arm: arm for it.
        if (busy() && watching.compareAndSet(false, true)) {
            scheduleCheck();
        }
    }

    private boolean busy() {
        for (Worker w : workers) {
            if (w.callStarted != 0) {
                return true;
            }
        }
        return false;
    }

    /** A pool thread that publishes when its current call began (0: idle). */
    private final class Worker extends Thread {
        volatile long callStarted;

        Worker(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }

        @Override
        public void run() {
            workers.add(this);
            try {
                super.run();
            } finally {
                workers.remove(this);
            }
        }
    }
}
