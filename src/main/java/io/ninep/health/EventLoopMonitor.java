package io.ninep.health;

import io.ninep.admin.AdminConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;

/** Runs the {@link EventLoopProbe} on every Vert.x event loop (the 9P connections and HTTP share them). */
@ApplicationScoped
public class EventLoopMonitor {
    private final Vertx vertx;
    private final AdminConfig config;
    private volatile EventLoopProbe probe;

    @Inject
    public EventLoopMonitor(Vertx vertx, AdminConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** Before the 9P listener opens (observers default to APPLICATION + 500): ready for the first client. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        EventLoopProbe p = new EventLoopProbe(vertx.nettyEventLoopGroup(), config.loopProbeInterval());
        p.start();
        probe = p;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (probe != null) {
            probe.stop();
        }
    }

    public boolean running() {
        return probe != null;
    }

    /** Empty before startup. */
    public List<EventLoopProbe.LoopDelay> delays() {
        EventLoopProbe p = probe;
        return p == null ? List.of() : p.delays();
    }

    public Duration worstCurrent() {
        EventLoopProbe p = probe;
        return p == null ? Duration.ZERO : p.worstCurrent();
    }

    public Duration threshold() {
        return config.maxLoopDelay();
    }
}
