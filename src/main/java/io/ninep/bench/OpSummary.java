package io.ninep.bench;

/**
 * Throughput and latency of a set of operations over the measured window. Latencies in nanoseconds;
 * MB/s counts 10^6 bytes, like iperf3's and dd's megabytes.
 */
record OpSummary(long ops, long requests, long bytes, double opsPerSecond, double requestsPerSecond,
                 double mbPerSecond, long p50, long p99, long p999, long max, double mean) {

    static OpSummary of(OpStats stats, double seconds) {
        LatencyHistogram h = stats.latency();
        return new OpSummary(stats.ops(), stats.requests(), stats.bytes(), rate(stats.ops(), seconds),
                rate(stats.requests(), seconds), rate(stats.bytes(), seconds) / 1e6,
                h.percentile(0.50), h.percentile(0.99), h.percentile(0.999), h.max(), h.mean());
    }

    private static double rate(long amount, double seconds) {
        return seconds <= 0 ? 0 : amount / seconds;
    }
}
