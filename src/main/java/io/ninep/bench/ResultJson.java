package io.ninep.bench;

import java.util.Map;

/**
 * The machine-readable form of a {@link Result}, what {@code --json} writes and the race script reads.
 * Latencies are in microseconds, MB/s in 10^6 bytes per second, memory in KiB.
 */
final class ResultJson {

    private ResultJson() {
    }

    static String of(Result r) {
        BenchOptions o = r.options();
        JsonWriter json = new JsonWriter().beginObject()
                .field("tool", "ninep-bench")
                .field("label", o.label())
                .field("outcome", r.outcome().label())
                .field("error", r.error())
                .field("started", r.started())
                .field("workload", o.workload().label())
                .field("connections", o.connections())
                .field("outstanding", o.outstanding())
                .beginObject("server")
                .field("host", o.host())
                .field("port", o.port())
                .field("aname", o.aname())
                .field("pid", o.serverPid())
                .endObject()
                .field("msize_offered", o.msize())
                .field("msize", r.msize())
                .field("iounit", r.iounit())
                .field("file_size", o.fileSize())
                .field("files", o.files())
                .field("warmup_s", o.warmup().toMillis() / 1000.0)
                .field("measured_s", round(r.seconds(), 3));
        summary(json, r.total());
        json.beginObject("by_op");
        for (Map.Entry<Workload.Op, OpSummary> e : r.byOp().entrySet()) {
            json.beginObject(e.getKey().label());
            summary(json, e.getValue());
            json.endObject();
        }
        json.endObject();
        json.field("server_cpu_s", round(r.serverCpu(), 3))
                .field("server_cpu_us_per_op", round(r.serverCpuMicrosPerOp(), 2))
                .field("client_cpu_s", round(r.clientCpu(), 3));
        if (r.serverMemory() == null) {
            json.nullField("server_memory");
        } else {
            json.beginObject("server_memory")
                    .field("rss_kib", r.serverMemory().rssKiB())
                    .field("peak_rss_kib", r.serverMemory().peakRssKiB())
                    .endObject();
        }
        json.beginArray("rss_samples");
        for (Result.RssSample sample : r.rssSamples()) {
            json.beginObject().field("t_s", round(sample.seconds(), 1)).field("rss_kib", sample.rssKiB()).endObject();
        }
        json.endArray()
                .field("load_at_start", r.loadAtStart())
                .field("load_at_end", r.loadAtEnd())
                .endObject();
        return json.text();
    }

    private static void summary(JsonWriter json, OpSummary s) {
        json.field("ops", s.ops())
                .field("requests", s.requests())
                .field("bytes", s.bytes())
                .field("ops_per_s", round(s.opsPerSecond(), 1))
                .field("requests_per_s", round(s.requestsPerSecond(), 1))
                .field("mb_per_s", round(s.mbPerSecond(), 2))
                .beginObject("latency_us")
                .field("p50", micros(s.p50()))
                .field("p99", micros(s.p99()))
                .field("p999", micros(s.p999()))
                .field("max", micros(s.max()))
                .field("mean", round(s.mean() / 1000.0, 1))
                .endObject();
    }

    private static double micros(long nanos) {
        return round(nanos / 1000.0, 1);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
