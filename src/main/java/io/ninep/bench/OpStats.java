package io.ninep.bench;

/** Completed operations of one kind: how many, the payload bytes moved, the requests sent, their latencies. */
final class OpStats {
    private final LatencyHistogram latency = new LatencyHistogram();
    private long bytes;
    private long requests;

    void record(long latencyNanos, long payloadBytes, int requestCount) {
        latency.record(latencyNanos);
        bytes += payloadBytes;
        requests += requestCount;
    }

    void add(OpStats other) {
        latency.add(other.latency);
        bytes += other.bytes;
        requests += other.requests;
    }

    long ops() {
        return latency.count();
    }

    long bytes() {
        return bytes;
    }

    long requests() {
        return requests;
    }

    LatencyHistogram latency() {
        return latency;
    }
}
