package io.ninep.metrics;

import io.ninep.server.Connection;
import io.ninep.server.ConnectionRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The number of requests in flight over all connections, for the {@code ninep.requests.pending} gauge. A
 * connection's pending table may only be read on its own context, so each connection is asked once a second
 * on that context and the gauge reports the latest answers: a value at most one sampling period old.
 */
@ApplicationScoped
public class PendingRequestsSampler {
    private static final long PERIOD_MS = 1000;

    private final Vertx vertx;
    private final ConnectionRegistry registry;
    private final ConcurrentHashMap<Long, Integer> latest = new ConcurrentHashMap<>();
    private long timer = -1;

    @Inject
    public PendingRequestsSampler(Vertx vertx, ConnectionRegistry registry) {
        this.vertx = vertx;
        this.registry = registry;
    }

    /** Before the 9P listener opens (observers default to APPLICATION + 500): ready for the first client. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        timer = vertx.setPeriodic(PERIOD_MS, t -> sample());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void sample() {
        latest.keySet().removeIf(id -> registry.byId(id).isEmpty());
        for (Connection c : registry.all()) {
            c.context().runOnContext(v -> latest.put(c.id(), c.pendingSnapshot().size()));
        }
    }

    /** Requests in flight on the live connections as last sampled. */
    public int total() {
        int sum = 0;
        for (var e : latest.entrySet()) {
            if (registry.byId(e.getKey()).isPresent()) {
                sum += e.getValue();
            }
        }
        return sum;
    }
}
