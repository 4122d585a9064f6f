package io.ninep.bench;

/**
 * The measured part of a run: when it began and ended, and the CPU time the server and this load
 * generator used in between. Touched only by the thread that keeps the run's time.
 */
final class MeasuredWindow {
    private final int serverPid;
    private long start = -1;
    private long end = -1;
    private long serverCpuStart;
    private long serverCpuEnd;
    private long clientCpuStart;
    private long clientCpuEnd;

    MeasuredWindow(int serverPid) {
        this.serverPid = serverPid;
    }

    void begin(long now) {
        start = now;
        serverCpuStart = serverCpu();
        clientCpuStart = ownCpu();
    }

    void end(long now) {
        if (start < 0) {
            return;
        }
        end = now;
        serverCpuEnd = serverCpu();
        clientCpuEnd = ownCpu();
    }

    boolean begun() {
        return start >= 0;
    }

    /** When the window began, in {@link System#nanoTime()} terms; only once {@link #begun()}. */
    long start() {
        return start;
    }

    double seconds() {
        return end < 0 ? 0 : (end - start) / 1e9;
    }

    /** CPU seconds the server used in the window, or -1 when unknown. */
    double serverCpuSeconds() {
        return end < 0 || serverPid <= 0 ? -1 : (serverCpuEnd - serverCpuStart) / 1e9;
    }

    /** CPU seconds this process used in the window, or -1 when nothing was measured. */
    double clientCpuSeconds() {
        return end < 0 ? -1 : (clientCpuEnd - clientCpuStart) / 1e9;
    }

    private long serverCpu() {
        return serverPid > 0 ? Procfs.cpuNanosOf(serverPid) : 0;
    }

    private static long ownCpu() {
        return Procfs.cpuNanosOf((int) ProcessHandle.current().pid());
    }
}
