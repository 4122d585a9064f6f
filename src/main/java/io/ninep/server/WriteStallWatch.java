package io.ninep.server;

import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;

/**
 * Closes a connection whose peer stopped reading: its write queue is full and no reply has gone into the
 * socket for the stall timeout. Such a peer holds its replies' share of the memory budget for as long as it
 * stays connected; the Linux client reads replies on its own thread as they come, so a long stall means
 * a dead or hostile peer. Progress, not an empty queue, is what counts: a reader that takes in at least
 * one reply per timeout is never cut off.
 * Touched only on the connection's context (Vert.x runs a timer on the context that set it).
 */
final class WriteStallWatch {
    private final Vertx vertx;
    private final long timeoutNanos;
    private final BooleanSupplier queueFull;
    private final Runnable onStall;
    private long lastProgressNanos = System.nanoTime();
    private long timer = -1;

    /** @param timeoutMillis 0 disables the watch */
    WriteStallWatch(Vertx vertx, long timeoutMillis, BooleanSupplier queueFull, Runnable onStall) {
        this.vertx = vertx;
        this.timeoutNanos = timeoutMillis * 1_000_000L;
        this.queueFull = queueFull;
        this.onStall = onStall;
    }

    /** A reply reached the socket. */
    void progress() {
        lastProgressNanos = System.nanoTime();
    }

    /** The write queue just filled up: start watching unless already watching. */
    void queueFilled() {
        if (timeoutNanos > 0 && timer < 0) {
            lastProgressNanos = System.nanoTime();
            schedule(timeoutNanos);
        }
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void schedule(long delayNanos) {
        timer = vertx.setTimer(Math.max(1, delayNanos / 1_000_000L), t -> check());
    }

    private void check() {
        timer = -1;
        if (!queueFull.getAsBoolean()) {
            return;
        }
        long stalled = System.nanoTime() - lastProgressNanos;
        if (stalled >= timeoutNanos) {
            onStall.run();
        } else {
            schedule(timeoutNanos - stalled);
        }
    }
}
