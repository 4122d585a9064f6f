package io.ninep.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** Alive while every event loop runs its probe timer less than {@code ninep.admin.max-loop-delay} late. */
@Liveness
@ApplicationScoped
public class EventLoopLiveness implements HealthCheck {
    private final EventLoopMonitor monitor;

    @Inject
    public EventLoopLiveness(EventLoopMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        return check(monitor.delays(), monitor.threshold());
    }

    static HealthCheckResponse check(List<EventLoopProbe.LoopDelay> delays, Duration limit) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-loops")
                .withData("max-delay-ms", limit.toMillis());
        boolean up = true;
        for (EventLoopProbe.LoopDelay d : delays) {
            b.withData(d.loop(), Duration.ofNanos(d.currentNanos()).toMillis());
            up &= d.currentNanos() < limit.toNanos();
        }
        return b.status(up).build();
    }
}
