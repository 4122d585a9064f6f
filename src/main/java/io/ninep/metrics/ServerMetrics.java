package io.ninep.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.ninep.export.Export;
import io.ninep.export.ExportRegistry;
import io.ninep.export.qid.ExportQidMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ninep.server.ConnectionRegistry;
import io.ninep.server.NinepServer;
import io.ninep.server.ServerStats;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters over what the data plane already counts ({@link ServerStats}, the connection registry): read when
 * Prometheus scrapes, never updated on the request path.
 */
@ApplicationScoped
public class ServerMetrics {
    private final MeterRegistry registry;
    private final NinepServer server;
    private final ConnectionRegistry connections;
    private final PendingRequestsSampler pending;

    private final ExportRegistry exports;

    @Inject
    public ServerMetrics(MeterRegistry registry, NinepServer server, ConnectionRegistry connections,
                         PendingRequestsSampler pending, ExportRegistry exports) {
        this.registry = registry;
        this.exports = exports;
        this.server = server;
        this.connections = connections;
        this.pending = pending;
    }

    /** Before the 9P listener opens (observers default to APPLICATION + 500): ready for the first client. */
    void register(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        ServerStats s = server.stats();
        flush("dropped", s.flushDropped);
        flush("answered_before_flush", s.flushAnsweredBeforeFlush);
        flush("unknown_tag", s.flushUnknownTag);
        counter("ninep.bytes.read", "File data returned by Tread", s.bytesRead);
        counter("ninep.bytes.written", "File data accepted by Twrite", s.bytesWritten);
        counter("ninep.backpressure.pauses",
                "Times a connection stopped reading because its pending table or write queue was full",
                s.backpressurePauses);
        counter("ninep.connections.write.stalls",
                "Connections closed because their peer took no reply for ninep.write-stall-timeout",
                s.writeStalls);
        Gauge.builder("ninep.connections.active", connections, ConnectionRegistry::size)
                .description("Open 9P connections").strongReference(true).register(registry);
        Gauge.builder("ninep.requests.pending", pending, PendingRequestsSampler::total)
                .description("Requests in flight over all connections (sampled each second)")
                .strongReference(true).register(registry);
        Gauge.builder("ninep.fids.open", s.liveFids, AtomicLong::get)
                .description("Fids bound and not yet freed on all connections").strongReference(true)
                .register(registry);
        Gauge.builder("ninep.memory.budget.used", server, NinepServer::memoryBudgetUsed).baseUnit("bytes")
                .description("Bytes of request and reply buffers reserved in the memory budget")
                .strongReference(true).register(registry);
        Gauge.builder("ninep.workers.threads", server, NinepServer::workerThreadsAlive)
                .description("Worker threads alive: ninep.worker-concurrency, plus one per call stuck past "
                        + "ninep.worker-stall-threshold").strongReference(true).register(registry);
        Gauge.builder("ninep.workers.queued", server, NinepServer::workerCallsQueued)
                .description("File-system calls waiting for a worker thread").strongReference(true)
                .register(registry);
        counter("ninep.memory.budget.waits", "Times a connection paused for room in the memory budget",
                s.budgetWaits);
        for (Export e : exports.all()) {
            if (e.qidMapper() instanceof ExportQidMapper) {
                ExportQidMapper mapper = (ExportQidMapper) e.qidMapper();
                Gauge.builder("ninep.qid.table.entries", mapper, m -> m.status().entries())
                        .description("Prefix and full-map entries of the export's qid table")
                        .tag("export", e.name()).strongReference(true).register(registry);
                FunctionCounter.builder("ninep.qid.persistence.failures", mapper,
                                m -> m.status().persistenceFailures() + m.status().loadFailures())
                        .description("Failed saves and loads of the export's qid table")
                        .tag("export", e.name()).register(registry);
            }
        }
    }

    /** {@code dropped}: cancelled before its commit point, reply never sent; see LESSONS.md §1. */
    private void flush(String outcome, AtomicLong count) {
        FunctionCounter.builder("ninep.flush", count, AtomicLong::get)
                .description("Tflush outcomes: the flushed request dropped, answered before its Rflush, or no "
                        + "such tag in flight")
                .tag("outcome", outcome).register(registry);
    }

    private void counter(String name, String description, AtomicLong count) {
        FunctionCounter.builder(name, count, AtomicLong::get).description(description).register(registry);
    }
}
