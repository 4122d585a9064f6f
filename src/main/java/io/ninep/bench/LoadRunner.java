package io.ninep.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one workload: sets up, keeps {@code outstanding} operations in flight on every connection (each
 * pipeline slot starts its next operation as soon as its last one completes, so the load is closed-loop),
 * warms up, measures, then stops starting operations and lets those in flight finish. Operations that
 * complete inside the measured window are the ones counted. The calling thread only keeps time, prints
 * a progress line every second and watches for failures, stalls and interrupts.
 */
final class LoadRunner {
    private static final long SECOND = 1_000_000_000L;
    /** How long a failed or interrupted run waits for operations in flight before closing connections. */
    private static final long ABORT_DRAIN_NANOS = 2 * SECOND;

    private final BenchOptions options;
    private final PrintStream progress;
    private final List<BenchConnection> connections = new ArrayList<>();
    private final List<ConnectionStats> stats = new ArrayList<>();
    private final List<Result.RssSample> rssSamples = new ArrayList<>();
    private final LongAdder completedOps = new LongAdder();
    private final LongAdder completedBytes = new LongAdder();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Object wake = new Object();
    private final MeasuredWindow window;
    private volatile boolean measuring;
    private volatile boolean stopping;
    private volatile boolean interrupted;
    private volatile boolean closing;
    private CountDownLatch slotsRunning = new CountDownLatch(0);
    private Operations operations;

    LoadRunner(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        this.window = new MeasuredWindow(options.serverPid());
    }

    /** Asks a running {@link #run()} to stop as soon as the operations in flight are done (Ctrl-C). */
    void interrupt() {
        interrupted = true;
        stopNow();
    }

    Result run() {
        String started = Instant.now().toString();
        String loadAtStart = Procfs.loadAverage();
        Procfs.Memory memory = null;
        int msize = 0;
        try {
            prepare();
            msize = connections.get(0).msize();
            drive();
            memory = options.serverPid() > 0 ? Procfs.memoryOf(options.serverPid()) : null;
        } catch (BenchFailure e) {
            fail(e.getMessage());
        } finally {
            closing = true;
            connections.forEach(BenchConnection::close);
        }
        return result(started, loadAtStart, msize, memory);
    }

    private void prepare() {
        long begin = System.nanoTime();
        progress.printf("setup: %s on %s:%d, aname '%s', %d connection(s) x %d outstanding%n",
                options.workload().label(), options.host(), options.port(), options.aname(),
                options.connections(), options.outstanding());
        Fixture fixture = new Fixture(options);
        String runId = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
        try (BenchConnection setup = BenchConnection.open(options, -1, runId)) {
            fixture.prepareShared(setup);
        }
        for (int i = 0; i < options.connections() && !interrupted; i++) {
            BenchConnection connection = BenchConnection.open(options, i, runId);
            connections.add(connection);
            stats.add(new ConnectionStats());
            fixture.attach(connection);
        }
        if (interrupted) {
            throw new BenchFailure("interrupted during setup");
        }
        BenchConnection first = connections.get(0);
        if (first.msize() < options.msize()) {
            progress.printf("setup: the server lowered msize from %d to %d%n", options.msize(), first.msize());
        }
        operations = new Operations(options, first.iounit());
        progress.printf("setup: done in %.1f s (msize %d, iounit %d)%n",
                (System.nanoTime() - begin) / 1e9, first.msize(), first.iounit());
    }

    private void drive() {
        long begin = System.nanoTime();
        long warmupEnd = begin + options.warmup().toNanos();
        long duration = options.duration().toNanos();
        long rssInterval = options.rssInterval() == null ? 0 : options.rssInterval().toNanos();
        long nextSample = begin;
        long nextTick = begin + SECOND;
        ProgressMeter meter = new ProgressMeter(progress, options.stallTimeout().toNanos(), begin);
        slotsRunning = new CountDownLatch(options.connections() * options.outstanding());
        for (int c = 0; c < connections.size(); c++) {
            for (int slot = 0; slot < options.outstanding(); slot++) {
                launch(connections.get(c), stats.get(c), slot);
            }
        }
        while (!stopping) {
            long now = System.nanoTime();
            if (!window.begun() && now >= warmupEnd) {
                window.begin(now);
                measuring = true;
                nextTick = now + SECOND;
            }
            if (window.begun() && now >= window.start() + duration) {
                break;
            }
            if (rssInterval > 0 && now >= nextSample) {
                long rss = Procfs.memoryOf(options.serverPid()).rssKiB();
                rssSamples.add(new Result.RssSample((now - begin) / 1e9, rss));
                nextSample += rssInterval;
            }
            if (now >= nextTick) {
                tick(meter, begin, now);
                nextTick += SECOND;
            }
            long boundary = window.begun() ? window.start() + duration : warmupEnd;
            long next = Math.min(nextTick, boundary);
            if (rssInterval > 0) {
                next = Math.min(next, nextSample);
            }
            pause(next - System.nanoTime());
        }
        window.end(System.nanoTime());
        measuring = false;
        stopNow();
        drain();
    }

    private void tick(ProgressMeter meter, long begin, long now) {
        int inFlight = 0;
        for (BenchConnection c : connections) {
            inFlight += c.client().outstanding();
        }
        long rss = rssSamples.isEmpty() ? -1 : rssSamples.get(rssSamples.size() - 1).rssKiB();
        String phase = window.begun() ? "measure" : "warmup";
        long elapsed = Math.round((now - (window.begun() ? window.start() : begin)) / 1e9);
        if (meter.tick(now, phase, elapsed, completedOps.sum(), completedBytes.sum(), inFlight, rss)) {
            fail("no operation completed for " + options.stallTimeout().toSeconds() + " s with " + inFlight
                    + " request(s) in flight: the server stopped answering");
        }
    }

    /** Starts the next operation of a pipeline slot, which starts the one after it when it completes. */
    private void launch(BenchConnection connection, ConnectionStats connectionStats, int slot) {
        if (stopping) {
            slotsRunning.countDown();
            return;
        }
        Workload.Op op = options.workload().pick(ThreadLocalRandom.current());
        long start = System.nanoTime();
        CompletableFuture<Operations.Completed> done;
        try {
            done = operations.start(op, connection, slot);
        } catch (RuntimeException e) {
            failOperation(connection, op, e);
            slotsRunning.countDown();
            return;
        }
        done.whenComplete((completed, error) -> {
            if (error != null) {
                failOperation(connection, op, error);
                slotsRunning.countDown();
                return;
            }
            long latency = System.nanoTime() - start;
            completedOps.increment();
            completedBytes.add(completed.bytes());
            if (measuring) {
                connectionStats.record(op, latency, completed);
            }
            launch(connection, connectionStats, slot);
        });
    }

    private void failOperation(BenchConnection connection, Workload.Op op, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!closing) {
            fail("connection " + connection.index() + ", " + op.label() + ": " + cause.getMessage());
        }
    }

    private void fail(String message) {
        failure.compareAndSet(null, message);
        stopNow();
    }

    private void stopNow() {
        stopping = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void pause(long nanos) {
        if (nanos <= 0) {
            return;
        }
        synchronized (wake) {
            if (!stopping) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wake, nanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
        }
    }

    /** Waits for the operations in flight; a server that never answers them is a failure. */
    private void drain() {
        boolean aborting = failure.get() != null || interrupted;
        long limit = aborting ? ABORT_DRAIN_NANOS : options.stallTimeout().toNanos();
        try {
            if (!slotsRunning.await(limit, TimeUnit.NANOSECONDS) && !aborting) {
                fail(slotsRunning.getCount() + " operation(s) still unanswered " + options.stallTimeout().toSeconds()
                        + " s after the run ended: the server stopped answering");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Result result(String started, String loadAtStart, int msize, Procfs.Memory memory) {
        double seconds = window.seconds();
        Map<Workload.Op, OpStats> merged = new EnumMap<>(Workload.Op.class);
        stats.forEach(s -> s.addTo(merged));
        Map<Workload.Op, OpSummary> byOp = new LinkedHashMap<>();
        OpStats all = new OpStats();
        for (Map.Entry<Workload.Op, OpStats> e : merged.entrySet()) {
            byOp.put(e.getKey(), OpSummary.of(e.getValue(), seconds));
            all.add(e.getValue());
        }
        String error = failure.get();
        Result.Outcome outcome = error != null ? Result.Outcome.FAILED
                : interrupted ? Result.Outcome.INTERRUPTED : Result.Outcome.OK;
        return new Result(options, outcome, error, started, msize, seconds, Collections.unmodifiableMap(byOp),
                OpSummary.of(all, seconds), window.serverCpuSeconds(), window.clientCpuSeconds(), memory,
                List.copyOf(rssSamples), loadAtStart, Procfs.loadAverage());
    }
}
