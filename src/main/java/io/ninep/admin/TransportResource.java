package io.ninep.admin;

import io.ninep.admin.Views.LoopDelayView;
import io.ninep.admin.Views.MemoryBudgetView;
import io.ninep.admin.Views.TransportView;
import io.ninep.config.NinepConfig;
import io.ninep.health.EventLoopMonitor;
import io.ninep.health.EventLoopProbe;
import io.ninep.server.ConnectionRegistry;
import io.ninep.server.NinepServer;
import io.ninep.server.ServerStats;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The 9P listener and the event loops that serve it. */
@Path("/admin/transport")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "transport")
public class TransportResource {
    private final NinepServer server;
    private final NinepConfig config;
    private final ConnectionRegistry registry;
    private final ConnectionSnapshots snapshots;
    private final EventLoopMonitor loops;

    @Inject
    public TransportResource(NinepServer server, NinepConfig config, ConnectionRegistry registry,
                             ConnectionSnapshots snapshots, EventLoopMonitor loops) {
        this.server = server;
        this.config = config;
        this.registry = registry;
        this.snapshots = snapshots;
        this.loops = loops;
    }

    @GET
    @Operation(summary = "Listener address, connection and traffic counters, event-loop delays")
    public CompletionStage<TransportView> get() {
        return snapshots.pendingTotal().thenApply(pending -> {
            ServerStats s = server.stats();
            return new TransportView(config.host(), server.port(), s.connectionsAccepted.get(),
                    s.connectionsRejected.get(), s.connectionsClosed.get(), s.decodeErrors.get(), s.tagReuse.get(),
                    s.backpressurePauses.get(), s.bytesIn.get(), s.bytesOut.get(), registry.size(), pending,
                    s.liveFids.get(), new MemoryBudgetView(config.memoryBudget(), server.memoryBudgetUsed(),
                            config.connectionMemoryLimit(), s.budgetWaits.get()), s.writeStalls.get(), loopDelays());
        });
    }

    private List<LoopDelayView> loopDelays() {
        return loops.delays().stream().map(TransportResource::view).toList();
    }

    private static LoopDelayView view(EventLoopProbe.LoopDelay d) {
        return new LoopDelayView(d.loop(), millis(d.lastNanos()), millis(d.maxNanos()), millis(d.currentNanos()));
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
