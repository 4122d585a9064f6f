package io.ninep.bench;

import java.util.Map;

/** The human-readable form of a {@link Result}: a header, one row per kind of operation, the server's memory. */
final class ResultTable {
    private static final String ROW = "%-9s %10d %11.1f %10.1f %10.3f %10.3f %10.3f %10.3f%n";

    private ResultTable() {
    }

    static String of(Result r) {
        BenchOptions o = r.options();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s: %s, %d connection(s) x %d outstanding, msize %d (iounit %d), %.1f s measured"
                        + " after %.1f s warm-up, load %s -> %s%n",
                r.outcome().label(), o.workload().label(), o.connections(), o.outstanding(), r.msize(), r.iounit(),
                r.seconds(), o.warmup().toMillis() / 1000.0, r.loadAtStart(), r.loadAtEnd()));
        if (r.error() != null) {
            out.append("error: ").append(r.error()).append('\n');
        }
        if (r.byOp().isEmpty()) {
            return out.toString();
        }
        out.append(String.format("%-9s %10s %11s %10s %10s %10s %10s %10s%n",
                "op", "ops", "ops/s", "MB/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms"));
        for (Map.Entry<Workload.Op, OpSummary> e : r.byOp().entrySet()) {
            row(out, e.getKey().label(), e.getValue());
        }
        if (r.byOp().size() > 1) {
            row(out, "total", r.total());
        }
        out.append(String.format("requests: %d (%.1f/s)%n", r.total().requests(), r.total().requestsPerSecond()));
        if (r.serverCpu() >= 0) {
            out.append(String.format(
                    "server cpu: %.2f s (%.0f%% of one core), %.1f us per op; load generator cpu: %.2f s%n",
                    r.serverCpu(), 100 * r.serverCpu() / Math.max(r.seconds(), 1e-9), r.serverCpuMicrosPerOp(),
                    r.clientCpu()));
        }
        if (r.serverMemory() != null) {
            out.append(String.format("server memory: rss %.1f MiB, peak %.1f MiB%n",
                    r.serverMemory().rssKiB() / 1024.0, r.serverMemory().peakRssKiB() / 1024.0));
        }
        if (!r.rssSamples().isEmpty()) {
            out.append("server rss samples (s: MiB):");
            for (Result.RssSample sample : r.rssSamples()) {
                out.append(String.format(" %.0f: %.1f", sample.seconds(), sample.rssKiB() / 1024.0));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, OpSummary s) {
        out.append(String.format(ROW, label, s.ops(), s.opsPerSecond(), s.mbPerSecond(),
                s.p50() / 1e6, s.p99() / 1e6, s.p999() / 1e6, s.max() / 1e6));
    }
}
