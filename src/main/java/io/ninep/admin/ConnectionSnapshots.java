package io.ninep.admin;

import io.ninep.admin.Views.ConnectionView;
import io.ninep.admin.Views.FidView;
import io.ninep.admin.Views.PendingView;
import io.ninep.server.Connection;
import io.ninep.server.ConnectionRegistry;
import io.ninep.server.Fid;
import io.ninep.server.Request;
import io.ninep.server.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Reads what the data plane publishes about its connections. Counters and the fid table are safe to read
 * from any thread; the pending table and the draining flag are read on the connection's context.
 */
@ApplicationScoped
public class ConnectionSnapshots {
    private final ConnectionRegistry registry;
    private final AdminConfig config;

    @Inject
    public ConnectionSnapshots(ConnectionRegistry registry, AdminConfig config) {
        this.registry = registry;
        this.config = config;
    }

    public Connection require(long id) {
        return registry.byId(id).orElseThrow(() -> AdminException.notFound("no connection " + id));
    }

    /** Every live connection, in id order. */
    public CompletableFuture<List<ConnectionView>> all() {
        List<CompletableFuture<ConnectionView>> views = new ArrayList<>();
        for (Connection c : registry.all()) {
            views.add(OnContext.call(c, config.snapshotTimeout(), () -> view(c)));
        }
        return joined(views).thenApply(list -> {
            list.sort(Comparator.comparingLong(ConnectionView::id));
            return list;
        });
    }

    /** Requests in flight over every connection. */
    public CompletableFuture<Integer> pendingTotal() {
        List<CompletableFuture<Integer>> counts = new ArrayList<>();
        for (Connection c : registry.all()) {
            counts.add(OnContext.call(c, config.snapshotTimeout(), () -> c.pendingSnapshot().size()));
        }
        return joined(counts).thenApply(list -> list.stream().mapToInt(Integer::intValue).sum());
    }

    public CompletableFuture<List<PendingView>> pending(long id) {
        Connection c = require(id);
        return OnContext.call(c, config.snapshotTimeout(), () -> {
            long now = System.currentTimeMillis();
            List<PendingView> out = new ArrayList<>();
            for (Request r : c.pendingSnapshot()) {
                OptionalLong fid = MessageFids.of(r.message());
                out.add(new PendingView(r.tag(), r.message().getClass().getSimpleName(),
                        fid.isPresent() ? fid.getAsLong() : null, now - r.startMillis(), state(r),
                        r.flushesWaiting()));
            }
            out.sort(Comparator.comparingInt(PendingView::tag));
            return out;
        });
    }

    public List<FidView> fids(long id) {
        List<FidView> out = new ArrayList<>();
        for (Fid f : require(id).session().fids().snapshot()) {
            out.add(new FidView(Integer.toUnsignedLong(f.number()), f.kind().name().toLowerCase(Locale.ROOT),
                    f.export().name(), f.path(), f.openMode()));
        }
        out.sort(Comparator.comparingLong(FidView::fid));
        return out;
    }

    private static ConnectionView view(Connection c) {
        Session s = c.session();
        return new ConnectionView(c.id(), c.remoteAddress(), s.version(), s.msize(), s.fids().size(),
                c.pendingSnapshot().size(), c.bytesIn(), c.bytesOut(), c.requestsServed(),
                c.memoryHeld(), Instant.ofEpochMilli(c.startedMillis()), Instant.ofEpochMilli(c.lastActivityMillis()), state(c));
    }

    private static String state(Connection c) {
        if (c.draining()) {
            return "draining";
        }
        return c.pausedForBackpressure() ? "paused" : "active";
    }

    /** A request that has committed is still running as far as the client can tell. */
    private static String state(Request r) {
        switch (r.state()) {
            case CANCELLED:
                return "cancelling";
            case ANSWERED:
                return "answering";
            default:
                return "running";
        }
    }

    private static <T> CompletableFuture<List<T>> joined(List<CompletableFuture<T>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<T> out = new ArrayList<>(parts.size());
            parts.forEach(p -> out.add(p.join()));
            return out;
        });
    }
}
