package io.ninep.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * The measured operations of one connection, by kind. Replies complete on the connection's reader
 * thread, but a chain's first request may complete on the thread that started it, so recording takes
 * this object's monitor; it is uncontended in the steady state.
 */
final class ConnectionStats {
    private final Map<Workload.Op, OpStats> byOp = new EnumMap<>(Workload.Op.class);

    synchronized void record(Workload.Op op, long latencyNanos, Operations.Completed completed) {
        byOp.computeIfAbsent(op, o -> new OpStats()).record(latencyNanos, completed.bytes(), completed.requests());
    }

    /** Adds this connection's operations into {@code totals}, kind by kind. */
    synchronized void addTo(Map<Workload.Op, OpStats> totals) {
        byOp.forEach((op, stats) -> totals.computeIfAbsent(op, o -> new OpStats()).add(stats));
    }
}
