package io.ninep.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The {@code ninep.*} configuration contract; README.md documents every key. */
@ConfigMapping(prefix = "ninep")
public interface NinepConfig {

    /** Address the 9P listener binds. */
    @WithDefault("0.0.0.0")
    String host();

    /** 9P TCP port; 0 picks an ephemeral port (tests). */
    @WithDefault("564")
    int port();

    /** Largest msize offered in Rversion (the Linux client asks for up to 1 MiB over TCP). */
    @WithName("max-msize")
    @WithDefault("1048576")
    int maxMsize();

    /** Export served for an empty aname. */
    @WithName("default-export")
    @WithDefault("default")
    String defaultExport();

    Map<String, ExportConfig> exports();

    /** Event loops accepting and serving 9P connections; defaults to the number of CPUs. */
    @WithName("event-loops")
    Optional<Integer> eventLoopsSetting();

    default int eventLoops() {
        return eventLoopsSetting().orElse(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Bytes that in-flight request and reply buffers may use across all connections; beyond it connections
     * pause. Defaults to a quarter of the maximum heap, and never less than four msize-sized exchanges.
     */
    @WithName("memory-budget")
    Optional<Long> memoryBudgetSetting();

    default long memoryBudget() {
        long floor = 8L * maxMsize();
        return Math.max(floor, memoryBudgetSetting().orElse(Runtime.getRuntime().maxMemory() / 4));
    }

    /**
     * Most bytes of the memory budget one connection may hold, so that a few connections cannot take it all
     * (a connection holding nothing may always start one request). Defaults to an eighth of the budget, and
     * never less than two msize-sized exchanges.
     */
    @WithName("connection-memory-limit")
    Optional<Long> connectionMemoryLimitSetting();

    default long connectionMemoryLimit() {
        return Math.max(4L * maxMsize(), connectionMemoryLimitSetting().orElse(memoryBudget() / 8));
    }

    /**
     * A connection whose replies have made no progress into the socket for this long while its write queue is
     * full is closed: its peer stopped reading, and what it holds of the memory budget is released. 0 never
     * closes one.
     */
    @WithName("write-stall-timeout")
    @WithDefault("60s")
    Duration writeStallTimeout();

    /** Most threads running blocking file-system calls (never the event loop) at once. */
    @WithName("worker-threads")
    @WithDefault("32")
    int workerThreads();

    /**
     * Worker threads serving the queue while no call is stuck; defaults to twice the number of CPUs, at most
     * {@link #workerThreads()}.
     */
    @WithName("worker-concurrency")
    Optional<Integer> workerConcurrencySetting();

    default int workerConcurrency() {
        return workerConcurrencySetting()
                .orElse(Math.min(workerThreads(), 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** A call running longer than this counts as stuck, and another worker thread joins (up to the limit). */
    @WithName("worker-stall-threshold")
    @WithDefault("5ms")
    Duration workerStallThreshold();

    /** Most fids one connection may hold; beyond it Twalk/Tattach get EMFILE. */
    @WithName("max-fids")
    @WithDefault("16384")
    int maxFids();

    /** Most requests one connection may have in flight before the server stops reading its socket. */
    @WithName("max-pending")
    @WithDefault("1024")
    int maxPending();

    /** Most simultaneous 9P connections; further ones are closed at once. */
    @WithName("max-connections")
    @WithDefault("4096")
    int maxConnections();

    /** A new connection that has not sent Tversion by then is closed. */
    @WithName("version-timeout")
    @WithDefault("30s")
    Duration versionTimeout();

    /**
     * A connection with nothing in flight and no traffic for this long is closed; 0 (the default) never
     * closes one: the Linux client keeps a mount's single connection open for as long as it is mounted.
     */
    @WithName("idle-timeout")
    @WithDefault("0s")
    Duration idleTimeout();

    /** On shutdown, how long in-flight requests may take to finish before connections are closed. */
    @WithName("shutdown-timeout")
    @WithDefault("20s")
    Duration shutdownTimeout();

    interface ExportConfig {
        /** {@code memory} or {@code local}. */
        @WithDefault("memory")
        String type();

        /** Host directory of a {@code local} export. */
        Optional<String> path();

        @WithName("read-only")
        @WithDefault("false")
        boolean readOnly();

        /** Capacity of a {@code memory} export in bytes. */
        @WithName("capacity")
        @WithDefault("1073741824")
        long capacity();

        /** Fault and latency injection per operation (lower-case message name without its T). */
        Map<String, FaultConfig> faults();

        /** A {@code local} export's files on other devices than its root's: remap, forbid or warn. */
        @WithDefault("remap")
        String multidevs();

        /**
         * Where a {@code local} export keeps its qid table: a path (relative to the export root, or absolute
         * outside the export), or {@code none} for memory only. Default {@code .ninep-qid-table} in the root.
         */
        @WithName("qid-table")
        Optional<String> qidTable();

        /** Most prefix plus full-map entries of a qid table; a file needing more gets EOVERFLOW. */
        @WithName("qid-table-max-entries")
        @WithDefault("262144")
        long qidTableMaxEntries();
    }

    interface FaultConfig {
        Optional<Duration> delay();

        /** A Linux errno name such as {@code EIO}. */
        Optional<String> errno();
    }
}
