package io.ninep.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes the admin API answers with. */
public final class Views {

    /**
     * {@code state}: {@code active}, {@code draining}, or {@code paused} (reading stopped by backpressure);
     * {@code memoryHeld}: bytes of the memory budget its requests and unwritten replies hold.
     */
    public record ConnectionView(long id, String remoteAddress, String protocolVersion, int msize, int fids,
                                 int pending, long bytesIn, long bytesOut, long requestsServed, long memoryHeld,
                                 Instant started, Instant lastActivity, String state) {
    }

    /** {@code fid} is absent for messages naming none; {@code state} is {@code running} or {@code cancelling}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PendingView(int tag, String type, Long fid, long ageMs, String state, int flushesWaiting) {
    }

    /** {@code openMode} is empty until the fid is opened. */
    public record FidView(long fid, String state, String export, String path, String openMode) {
    }

    public record ExportView(String name, String type, String location, boolean readOnly,
                             Map<String, FaultView> faults) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FaultView(long delayMs, String errno) {
    }

    /** {@code table} is null for exports without a qid table (memory). */
    public record QidTableView(String export, String mapper, String policy, String note,
                               io.ninep.export.qid.QidTableStatus table) {
    }

    /** {@code writeStalls}: connections closed because their peer stopped taking replies. */
    public record TransportView(String host, int port, long accepted, long rejected, long closed,
                                long decodeErrors, long tagReuse, long backpressurePauses, long bytesIn,
                                long bytesOut, int activeConnections, int pendingTotal, long liveFids,
                                MemoryBudgetView memoryBudget, long writeStalls, List<LoopDelayView> eventLoops) {
    }

    /** {@code waits}: times a connection had to wait for room. */
    public record MemoryBudgetView(long limit, long used, long perConnectionLimit, long waits) {
    }

    /** Delays of one event loop's probe timer: the last measured, the largest, and the current lag. */
    public record LoopDelayView(String loop, long lastMs, long maxMs, long currentMs) {
    }

    /** {@code pendingAtStart}: requests in the pending table when the drain began, all answered before close. */
    public record DrainView(long id, int pendingAtStart, String state) {
    }

    private Views() {
    }
}
