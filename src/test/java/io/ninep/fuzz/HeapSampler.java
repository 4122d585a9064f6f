package io.ninep.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the used heap every few milliseconds on a daemon thread and keeps the peak. The server runs in
 * the test's JVM, so the figure covers server and clients together; it is reported, not asserted, since
 * garbage not yet collected counts too.
 */
final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private final long baseline;
    private volatile long peak;
    private volatile boolean running = true;

    private HeapSampler() {
        baseline = used();
        peak = baseline;
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, used());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    long peakMiB() {
        return peak >> 20;
    }

    long baselineMiB() {
        return baseline >> 20;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(1000);
    }
}
