package io.ninep.server;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A connection's fids. Operations run on worker threads, so the map is concurrent; each fid's use count
 * (see {@link Fid}) keeps its resources alive while requests still hold it after a clunk.
 */
public final class FidTable {
    private final ConcurrentHashMap<Integer, Fid> fids = new ConcurrentHashMap<>();
    private final int limit;
    private final Executor closer;
    private final Consumer<Fid> onClose;
    private final AtomicLong live;

    /**
     * @param closer  where resources are freed when the last holder lets go on an event loop (clunks on
     *                Tversion or disconnect): closing a descriptor may block
     * @param onClose told about every fid whose resources were freed (lock release)
     * @param live    counts fids bound and not yet freed, across all tables (leak checks, metrics)
     */
    public FidTable(int limit, Executor closer, Consumer<Fid> onClose, AtomicLong live) {
        this.limit = limit;
        this.live = live;
        this.closer = closer;
        this.onClose = onClose;
    }

    /** Looks a fid up without holding it; for routing a request before it runs. */
    public Fid peek(int number) {
        Fid f = fids.get(number);
        if (f == null) {
            throw new FsException(Errno.EBADF, "unknown fid " + Integer.toUnsignedString(number));
        }
        return f;
    }

    public boolean contains(int number) {
        return fids.containsKey(number);
    }

    /** Holds a fid for the length of an operation; pair with {@link #release}. */
    public Fid acquire(int number) {
        Fid f = fids.get(number);
        if (f == null || !f.acquire()) {
            throw new FsException(Errno.EBADF, "unknown fid " + Integer.toUnsignedString(number));
        }
        return f;
    }

    public void release(Fid f) {
        if (f.release()) {
            close(f);
        }
    }

    /** Binds a new fid number; EINVAL when it is taken, EMFILE at the table's limit. */
    public void bind(Fid f) {
        if (fids.size() >= limit) {
            throw new FsException(Errno.EMFILE, "fid limit " + limit + " reached");
        }
        if (fids.putIfAbsent(f.number(), f) != null) {
            throw new FsException(Errno.EINVAL, "fid " + Integer.toUnsignedString(f.number()) + " is in use");
        }
        live.incrementAndGet();
    }

    /** Puts {@code replacement} where {@code current} was (a walk with newfid == fid). */
    public void replace(Fid current, Fid replacement) {
        if (!fids.replace(current.number(), current, replacement)) {
            throw new FsException(Errno.EBADF, "fid " + current.number() + " was clunked meanwhile");
        }
        live.incrementAndGet();
        if (current.markClunked()) {
            close(current);
        }
    }

    /** Removes a fid: new requests naming it get EBADF; it closes once the requests holding it finish. */
    public Fid clunk(int number) {
        Fid f = fids.remove(number);
        if (f == null) {
            throw new FsException(Errno.EBADF, "unknown fid " + Integer.toUnsignedString(number));
        }
        if (f.markClunked()) {
            close(f);
        }
        return f;
    }

    /** Clunks every fid (Tversion, disconnect). */
    public void clear() {
        for (Integer n : new ArrayList<>(fids.keySet())) {
            Fid f = fids.remove(n);
            if (f != null && f.markClunked()) {
                close(f);
            }
        }
    }

    public int size() {
        return fids.size();
    }

    public List<Fid> snapshot() {
        return List.copyOf(fids.values());
    }

    /** On a worker (Tclunk, a walk onto its own fid) in place, sparing a second hop; the event loop hands off. */
    private void close(Fid f) {
        Runnable close = () -> {
            try {
                f.close();
            } finally {
                live.decrementAndGet();
                onClose.accept(f);
            }
        };
        if (Context.isOnEventLoopThread()) {
            closer.execute(close);
        } else {
            close.run();
        }
    }
}
