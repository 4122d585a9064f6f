package io.ninep.health;

import io.ninep.export.Export;
import io.ninep.export.ExportRegistry;
import io.ninep.fs.Node;
import io.ninep.server.NinepServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when a mount would succeed now (STYLE.md): the 9P listener is bound, no shutdown has begun (the
 * listeners stop accepting at once), and every export's root can be reached and stat'ed, the same steps
 * Tattach and the client's first Tgetattr take. SmallRye Health runs a synchronous check on a worker thread,
 * so the file-system calls never block an event loop.
 */
@Readiness
@ApplicationScoped
public class ExportsReadiness implements HealthCheck {
    private final NinepServer server;
    private final ExportRegistry exports;

    @Inject
    public ExportsReadiness(NinepServer server, ExportRegistry exports) {
        this.server = server;
        this.exports = exports;
    }

    @Override
    public HealthCheckResponse call() {
        return check(server.port(), server.shuttingDown(), exports.all());
    }

    static HealthCheckResponse check(int port, boolean shuttingDown, Collection<Export> exports) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("9p-mount").withData("port", port)
                .withData("shutting-down", shuttingDown);
        boolean up = port > 0 && !shuttingDown;
        for (Export e : exports) {
            String problem = rootProblem(e);
            b.withData("export " + e.name(), problem == null ? "ok" : problem);
            up &= problem == null;
        }
        return b.status(up).build();
    }

    /** Null when the root answers getattr. */
    private static String rootProblem(Export e) {
        try (Node root = e.fileSystem().root()) {
            e.fileSystem().getattr(root);
            return null;
        } catch (RuntimeException ex) {
            return String.valueOf(ex.getMessage());
        }
    }
}
