package io.ninep.server;

import io.ninep.config.NinepConfig;
import io.ninep.export.ExportRegistry;
import io.ninep.server.handler.Handlers;
import io.ninep.server.lock.LockTable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** The 9P TCP listener: accepts connections and gives each its {@link Connection}. */
@ApplicationScoped
public class NinepServer {
    private static final Logger LOG = Logger.getLogger(NinepServer.class);

    private final Vertx vertx;
    private final NinepConfig config;
    private final ExportRegistry exports;
    private final ServerStats stats = new ServerStats();
    private final LockTable locks = new LockTable();
    private final ConnectionRegistry connections;
    private final ControlPlane controlPlane;
    private final AtomicLong connectionIds = new AtomicLong();
    private ExecutorService workers;
    private Services services;
    private Dispatcher dispatcher;
    private NetServer server;
    private volatile int port = -1;

    @Inject
    public NinepServer(Vertx vertx, NinepConfig config, ExportRegistry exports, ConnectionRegistry connections,
                       ControlPlane controlPlane) {
        this.vertx = vertx;
        this.connections = connections;
        this.controlPlane = controlPlane;
        this.config = config;
        this.exports = exports;
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        ConfigChecks.validate(config);
        workers = Executors.newFixedThreadPool(config.workerThreads(), workerThreads());
        services = new Services(config, exports, locks, workers, stats);
        dispatcher = new Dispatcher(Handlers.all());
        NetServerOptions options = new NetServerOptions().setHost(config.host()).setPort(config.port())
                .setTcpNoDelay(true).setReuseAddress(true);
        server = vertx.createNetServer(options).connectHandler(this::accept);
        port = server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
        LOG.infof("9P2000.L listening on %s:%d (exports: %s)", config.host(), port,
                String.join(", ", exports.all().stream().map(e -> e.name() + "=" + e.type() + ":" + e.location())
                        .toList()));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
        connections.all().forEach(c -> c.context().runOnContext(v -> c.close()));
        if (workers != null) {
            workers.shutdown();
        }
    }

    private void accept(NetSocket socket) {
        Context context = Vertx.currentContext();
        if (connections.size() >= config.maxConnections()) {
            stats.connectionsRejected.incrementAndGet();
            LOG.warnf("connection limit %d reached; closing connection from %s", config.maxConnections(),
                    socket.remoteAddress());
            socket.close();
            return;
        }
        long id = connectionIds.incrementAndGet();
        stats.connectionsAccepted.incrementAndGet();
        Connection c = new Connection(id, socket, context, new Session(id, services), dispatcher,
                controlPlane.current(), connections::remove);
        connections.add(c);
        // A policy change that iterated the registry before this connection joined it is caught here.
        c.policies(controlPlane.current());
        c.start();
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return port;
    }

    public ServerStats stats() {
        return stats;
    }

    public LockTable locks() {
        return locks;
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ninep-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
