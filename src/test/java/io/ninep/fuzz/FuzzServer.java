package io.ninep.fuzz;

import io.ninep.export.Export;
import io.ninep.export.ExportPolicy;
import io.ninep.export.ExportRegistry;
import io.ninep.export.Policies;
import io.ninep.server.Connection;
import io.ninep.server.Dispatcher;
import io.ninep.server.MemoryBudget;
import io.ninep.server.RequestListener;
import io.ninep.server.ServerStats;
import io.ninep.server.Services;
import io.ninep.server.Session;
import io.ninep.server.handler.Handlers;
import io.ninep.server.lock.LockTable;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's own pieces (sessions, dispatcher, every handler, a memory export) behind a real Vert.x
 * TCP listener, assembled by hand instead of by Quarkus: a fuzz loop runs thousands of sessions a
 * minute, and Jazzer drives the test method directly, outside Quarkus's test class loader.
 * {@link #reset()} gives the connections that follow a fresh, empty export and fresh counters, so
 * one input cannot leave state behind for the next.
 */
final class FuzzServer implements AutoCloseable {
    private final FuzzConfig config;
    private final Vertx vertx = Vertx.vertx();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "fuzz-worker");
        t.setDaemon(true);
        return t;
    });
    private final Dispatcher dispatcher = new Dispatcher(Handlers.all());
    private final AtomicLong connectionIds = new AtomicLong();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final NetServer listener;
    private volatile Services services;
    private volatile Policies policies;

    private FuzzServer(FuzzConfig config) throws Exception {
        this.config = config;
        reset();
        this.listener = vertx.createNetServer(new NetServerOptions().setHost(config.host()).setPort(0)
                        .setTcpNoDelay(true))
                .connectHandler(this::accept)
                .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static FuzzServer start(FuzzConfig config) throws Exception {
        return new FuzzServer(config);
    }

    /** Connections accepted from now on see a new empty export, lock table and counters. */
    void reset() {
        ExportRegistry exports = new ExportRegistry(config);
        Map<String, ExportPolicy> initial = new LinkedHashMap<>();
        for (Export e : exports.all()) {
            initial.put(e.name(), e.initialPolicy());
        }
        policies = new Policies(initial);
        services = new Services(config, exports, new LockTable(), workers, new ServerStats(),
                RequestListener.NONE, new MemoryBudget(config.memoryBudget()));
    }

    private void accept(NetSocket socket) {
        Services current = services;
        long id = connectionIds.incrementAndGet();
        current.stats().connectionsAccepted.incrementAndGet();
        Connection c = new Connection(id, socket, Vertx.currentContext(), new Session(id, current), dispatcher,
                policies, open::remove);
        open.add(c);
        c.start();
    }

    int port() {
        return listener.actualPort();
    }

    /** The counters of the connections accepted since the last {@link #reset()}. */
    ServerStats stats() {
        return services.stats();
    }

    MemoryBudget budget() {
        return services.budget();
    }

    LockTable locks() {
        return services.locks();
    }

    int openConnections() {
        return open.size();
    }

    @Override
    public void close() throws Exception {
        listener.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        workers.shutdownNow();
    }
}
