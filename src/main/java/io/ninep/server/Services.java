package io.ninep.server;

import io.ninep.config.NinepConfig;
import io.ninep.export.ExportRegistry;
import io.ninep.server.lock.LockTable;
import java.util.concurrent.ExecutorService;

/** What every connection shares: exports, the lock table, the worker pool, limits and counters. */
public record Services(NinepConfig config, ExportRegistry exports, LockTable locks, ExecutorService workers,
                       ServerStats stats, RequestListener listener,
                       MemoryBudget budget) {
}
