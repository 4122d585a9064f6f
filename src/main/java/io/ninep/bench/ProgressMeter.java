package io.ninep.bench;

import java.io.PrintStream;

/**
 * The once-a-second progress line (phase, elapsed seconds, throughput over the last interval, requests in
 * flight, the server's memory) and the stall watch: requests in flight but nothing completed for too long.
 */
final class ProgressMeter {
    private final PrintStream out;
    private final long stallNanos;
    private long lastAt;
    private long lastOps;
    private long lastBytes;
    private long lastChangeAt;

    ProgressMeter(PrintStream out, long stallNanos, long begin) {
        this.out = out;
        this.stallNanos = stallNanos;
        this.lastAt = begin;
        this.lastChangeAt = begin;
    }

    /**
     * Prints one line for the interval ending {@code now}; {@code rssKiB} is -1 when not sampled. Returns
     * whether the run has stalled: requests in flight and no operation completed for the stall timeout.
     */
    boolean tick(long now, String phase, long elapsedSeconds, long ops, long bytes, int inFlight, long rssKiB) {
        double seconds = Math.max(now - lastAt, 1) / 1e9;
        String rss = rssKiB < 0 ? "" : String.format("  server rss %.1f MiB", rssKiB / 1024.0);
        out.printf("%-7s %4ds  %10.0f ops/s  %9.1f MB/s  %5d in flight%s%n", phase, elapsedSeconds,
                (ops - lastOps) / seconds, (bytes - lastBytes) / seconds / 1e6, inFlight, rss);
        if (ops != lastOps) {
            lastChangeAt = now;
        }
        lastAt = now;
        lastOps = ops;
        lastBytes = bytes;
        return inFlight > 0 && now - lastChangeAt >= stallNanos;
    }
}
