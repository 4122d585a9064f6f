package io.ninep.bench;

import java.util.Locale;

/**
 * A {@link Result} as one tab-separated line, so a shell script can line up runs with {@code awk}:
 * rates as measured, latencies in microseconds, memory in KiB, {@code -} where there is no value.
 */
final class ResultTsv {
    static final String HEADER = String.join("\t", "label", "workload", "connections", "outstanding",
            "msize_offered", "msize", "outcome", "ops_per_s", "mb_per_s", "p50_us", "p99_us", "p999_us", "rss_kib",
            "peak_rss_kib", "server_cpu_s", "server_cpu_us_per_op", "load_start", "load_end");

    private ResultTsv() {
    }

    static String line(Result r) {
        BenchOptions o = r.options();
        OpSummary t = r.total();
        String rss = r.serverMemory() == null ? "-" : Long.toString(r.serverMemory().rssKiB());
        String peak = r.serverMemory() == null ? "-" : Long.toString(r.serverMemory().peakRssKiB());
        return String.join("\t", o.label(), o.workload().label(), Integer.toString(o.connections()),
                Integer.toString(o.outstanding()), Integer.toString(o.msize()), Integer.toString(r.msize()),
                r.outcome().label(),
                fixed(t.opsPerSecond(), 1), fixed(t.mbPerSecond(), 2), fixed(t.p50() / 1000.0, 1),
                fixed(t.p99() / 1000.0, 1), fixed(t.p999() / 1000.0, 1), rss, peak,
                r.serverCpu() < 0 ? "-" : fixed(r.serverCpu(), 3),
                r.serverCpuMicrosPerOp() < 0 ? "-" : fixed(r.serverCpuMicrosPerOp(), 2),
                r.loadAtStart().replace(' ', ','), r.loadAtEnd().replace(' ', ','));
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
