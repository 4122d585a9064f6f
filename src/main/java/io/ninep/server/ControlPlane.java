package io.ninep.server;

import io.ninep.export.Export;
import io.ninep.export.ExportPolicy;
import io.ninep.export.ExportRegistry;
import io.ninep.export.Policies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * Changes export policies (read-only mode, faults) without racing the data plane (LESSONS.md §2). Each
 * connection holds its own copy of the policies and every request captures that copy when it arrives on the
 * event loop. A change is complete only when every connection has installed it on its own context and
 * acknowledged: requests that arrived before are processed under the old rules, later ones under the new,
 * and none is dropped in between. Changes are serialized.
 */
@ApplicationScoped
public class ControlPlane {
    private final ConnectionRegistry connections;
    private volatile Policies current;

    @Inject
    public ControlPlane(ExportRegistry exports, ConnectionRegistry connections) {
        this.connections = connections;
        Map<String, ExportPolicy> initial = new LinkedHashMap<>();
        for (Export e : exports.all()) {
            initial.put(e.name(), e.initialPolicy());
        }
        this.current = new Policies(initial);
    }

    public Policies current() {
        return current;
    }

    public ExportPolicy policy(Export export) {
        return current.of(export);
    }

    /** Applies {@code change} to one export's policy; completes once every connection acknowledged it. */
    public CompletableFuture<Void> update(Export export, UnaryOperator<ExportPolicy> change) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        // Issued under the lock: each connection's context then runs successive installs in order.
        synchronized (this) {
            Policies next = current.with(export.name(), change.apply(current.of(export)));
            current = next;
            for (Connection c : connections.all()) {
                acks.add(c.install(next));
            }
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }
}
