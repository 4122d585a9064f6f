package io.ninep.health;

import io.ninep.server.NinepServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the 9P listener is bound and the event-loop probe runs. */
@Startup
@ApplicationScoped
public class ListenerStartup implements HealthCheck {
    private final NinepServer server;
    private final EventLoopMonitor monitor;

    @Inject
    public ListenerStartup(NinepServer server, EventLoopMonitor monitor) {
        this.server = server;
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("9p-listener")
                .withData("port", server.port())
                .withData("event-loop-probe", monitor.running())
                .status(server.port() > 0 && monitor.running())
                .build();
    }
}
