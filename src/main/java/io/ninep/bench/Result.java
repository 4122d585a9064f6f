package io.ninep.bench;

import io.ninep.protocol.P9;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run measured.
 *
 * @param error        why the run failed, or null
 * @param msize        the msize the server agreed to, or 0 when no connection got that far
 * @param seconds      length of the measured window
 * @param byOp         measured operations by kind, in {@link Workload.Op} order
 * @param total        all measured operations together
 * @param serverCpu    CPU seconds the server used in the measured window, or -1 without {@code --server-pid}
 * @param clientCpu    CPU seconds this load generator used in that window, or -1 when nothing was measured
 * @param serverMemory the server's memory at the end, or null without {@code --server-pid}
 * @param rssSamples   the server's RSS during the run, with {@code --rss-interval}
 */
record Result(BenchOptions options, Outcome outcome, String error, String started, int msize, double seconds,
              Map<Workload.Op, OpSummary> byOp, OpSummary total, double serverCpu, double clientCpu,
              Procfs.Memory serverMemory,
              List<RssSample> rssSamples, String loadAtStart, String loadAtEnd) {

    enum Outcome {
        OK, FAILED, INTERRUPTED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The server's resident memory {@code seconds} after the warm-up began. */
    record RssSample(double seconds, long rssKiB) {
    }

    /**
     * Server CPU microseconds per measured operation: what an operation costs the server whatever else
     * the machine is busy with, so it compares servers fairly on a loaded machine. -1 when unknown.
     */
    double serverCpuMicrosPerOp() {
        return serverCpu < 0 || total.ops() == 0 ? -1 : serverCpu * 1e6 / total.ops();
    }

    int iounit() {
        return msize == 0 ? 0 : msize - P9.IOHDRSZ;
    }
}
