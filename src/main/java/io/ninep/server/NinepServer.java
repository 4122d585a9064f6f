package io.ninep.server;

import io.ninep.config.NinepConfig;
import io.ninep.export.ExportRegistry;
import io.ninep.server.handler.Handlers;
import io.ninep.server.lock.LockTable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
    private final Instance<RequestListener> requestListeners;
    private final AtomicLong connectionIds = new AtomicLong();
    private volatile WorkerPool workers;
    private volatile Services services;
    private Dispatcher dispatcher;
    private final List<ListenerVerticle> listeners = new CopyOnWriteArrayList<>();
    private volatile int port = -1;
    private volatile boolean shuttingDown;

    @Inject
    public NinepServer(Vertx vertx, NinepConfig config, ExportRegistry exports, ConnectionRegistry connections,
                       ControlPlane controlPlane, Instance<RequestListener> requestListeners) {
        this.requestListeners = requestListeners;
        this.vertx = vertx;
        this.connections = connections;
        this.controlPlane = controlPlane;
        this.config = config;
        this.exports = exports;
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        ConfigChecks.validate(config);
        workers = new WorkerPool(config.workerConcurrency(), config.workerThreads(), config.workerStallThreshold());
        services = new Services(config, exports, locks, workers, stats,
                requestListeners.isResolvable() ? requestListeners.get() : RequestListener.NONE,
                new MemoryBudget(config.memoryBudget()));
        dispatcher = new Dispatcher(Handlers.all());
        // Vert.x shares one bound port among servers listening on the same (host, port) key; port 0 would
        // give each its own random port, whereas a negative port means "one random port, shared".
        int bindPort = config.port() == 0 ? -1 : config.port();
        for (int i = 0; i < config.eventLoops(); i++) {
            listeners.add(deploy(bindPort));
        }
        port = listeners.get(0).actualPort();
        LOG.infof("9P2000.L listening on %s:%d with %d event loops (exports: %s)", config.host(), port,
                listeners.size(),
                String.join(", ", exports.all().stream().map(e -> e.name() + "=" + e.type() + ":" + e.location())
                        .toList()));
    }

    private ListenerVerticle deploy(int onPort) throws Exception {
        NetServerOptions options = new NetServerOptions().setHost(config.host()).setPort(onPort)
                .setTcpNoDelay(true).setReuseAddress(true);
        ListenerVerticle listener = new ListenerVerticle(options, this::accept);
        vertx.deployVerticle(listener).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return listener;
    }

    /** Stops accepting new connections on every listener; open connections stay. */
    public CompletableFuture<Void> stopAccepting() {
        return CompletableFuture.allOf(listeners.stream()
                .map(l -> l.stopAccepting().toCompletionStage().toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Graceful stop (SIGTERM): readiness turns DOWN at once, the listeners stop accepting, every connection
     * stops reading and finishes what is in flight (its replies are written), then closes; connections still
     * busy at {@code ninep.shutdown-timeout} are closed anyway.
     */
    void onStop(@Observes ShutdownEvent event) {
        shuttingDown = true;
        stopAccepting().join();
        CompletableFuture<?>[] drains = connections.all().stream().map(c -> {
            CompletableFuture<Void> drained = new CompletableFuture<>();
            c.context().runOnContext(v -> c.drain().whenComplete((r, t) -> drained.complete(null)));
            return drained;
        }).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(drains).get(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warnf("shutdown: connections still busy after %s; closing them", config.shutdownTimeout());
            connections.all().forEach(c -> c.context().runOnContext(v -> c.close()));
        }
        if (workers != null) {
            workers.shutdown();
        }
    }

    /** Bytes reserved in the memory budget now; 0 before the server started. */
    public long memoryBudgetUsed() {
        Services s = services;
        return s == null ? 0 : s.budget().used();
    }

    /** Worker threads alive now; 0 before the server started. */
    public int workerThreadsAlive() {
        WorkerPool w = workers;
        return w == null ? 0 : w.threads();
    }

    /** File-system calls waiting for a worker thread now. */
    public int workerCallsQueued() {
        WorkerPool w = workers;
        return w == null ? 0 : w.getQueue().size();
    }

    /** True from the moment a shutdown begins: readiness reports DOWN. */
    public boolean shuttingDown() {
        return shuttingDown;
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
}
