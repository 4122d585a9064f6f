package io.ninep.server;

import io.ninep.export.Export;
import io.ninep.export.Fault;
import io.ninep.export.Policies;
import io.ninep.fs.FileId;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import io.ninep.protocol.Qid;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request/reply exchange as a handler sees it: the request, its session, and the ways to run
 * file-system work. Work runs on a worker thread, after the export's injected fault (if any); fids are
 * held only while that work runs, so a cancelled request that never started holds nothing.
 */
public final class Exchange {
    private static final java.util.Set<String> XATTR_FID_OPS = java.util.Set.of("read", "write", "clunk");

    private final Request request;
    private final Session session;
    private final Connection connection;
    private final Policies policies;

    /** @param policies the export policies in force when the request arrived; it is processed under them */
    public Exchange(Request request, Session session, Connection connection, Policies policies) {
        this.request = request;
        this.session = session;
        this.connection = connection;
        this.policies = policies;
    }

    /** The transport, for the session-level messages (Tversion, Tflush). */
    public Connection connection() {
        return connection;
    }

    public Request request() {
        return request;
    }

    public Session session() {
        return session;
    }

    public Services services() {
        return session.services();
    }

    /** Runs {@code body} with fid {@code number} held, on a worker. */
    public <R> Uni<R> onFid(int number, Function<Fid, R> body) {
        Export export;
        try {
            export = session.fids().peek(number).export();
        } catch (FsException e) {
            return Uni.createFrom().failure(e);
        }
        return onExport(export, () -> {
            Fid fid = session.fids().acquire(number);
            try {
                requireUsableFor(fid);
                return body.apply(fid);
            } finally {
                session.fids().release(fid);
            }
        });
    }

    /** Runs {@code body} with two fids held (rename, link); both must be of the same export. */
    public <R> Uni<R> onFids(int first, int second, BiFunction<Fid, Fid, R> body) {
        Export export;
        try {
            export = session.fids().peek(first).export();
            if (session.fids().peek(second).export() != export) {
                throw new FsException(Errno.EXDEV, "fids belong to different exports");
            }
        } catch (FsException e) {
            return Uni.createFrom().failure(e);
        }
        return onExport(export, () -> {
            Fid a = session.fids().acquire(first);
            try {
                Fid b = session.fids().acquire(second);
                try {
                    requireUsableFor(a);
                    requireUsableFor(b);
                    return body.apply(a, b);
                } finally {
                    session.fids().release(b);
                }
            } finally {
                session.fids().release(a);
            }
        });
    }

    /** Runs {@code body} on a worker after the export's fault for this operation. */
    public <R> Uni<R> onExport(Export export, Supplier<R> body) {
        Optional<Fault> fault = policies.of(export).fault(request.message().opName());
        Uni<R> work = onWorker(body);
        if (fault.isEmpty()) {
            return work;
        }
        Fault f = fault.get();
        Uni<Void> gate = f.delay().isZero()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(f.delay());
        return gate.onItem().transformToUni(v -> f.errno().isPresent()
                ? Uni.createFrom().<R>failure(new FsException(f.errno().get(), "injected fault"))
                : work);
    }

    /** The worker hop; see {@link WorkerHop} for cancellation. */
    private <R> Uni<R> onWorker(Supplier<R> body) {
        return new WorkerHop<>(services().workers(), request, body);
    }

    /** An xattr fid serves only Tread, Twrite and Tclunk (the state table in {@link Fid}). */
    private void requireUsableFor(Fid fid) {
        Fid.Kind kind = fid.kind();
        if ((kind == Fid.Kind.XATTR_READ || kind == Fid.Kind.XATTR_WRITE)
                && !XATTR_FID_OPS.contains(request.message().opName())) {
            throw new FsException(Errno.EBADF, "fid " + fid.number() + " is an xattr fid");
        }
    }

    /**
     * Marks the commit point; throws when a flush won the race, so the handler's cleanup runs and no
     * reply is produced. Call it on the worker, right before the irreversible step.
     */
    public void commit() {
        if (!request.commit()) {
            throw new Cancelled();
        }
    }

    /** EROFS for a mutation of a read-only export. */
    public void requireWritable(Fid fid) {
        if (policies.of(fid.export()).readOnly()) {
            throw new FsException(Errno.EROFS, "export " + fid.export().name() + " is read-only");
        }
    }

    public Qid qid(Export export, FileId id) {
        return new Qid(qidType(id.type()), (int) id.version(), export.qidMapper().path(id));
    }

    private static int qidType(FileType type) {
        switch (type) {
            case DIRECTORY:
                return Qid.DIR;
            case SYMLINK:
                return Qid.SYMLINK;
            default:
                return Qid.FILE;
        }
    }
}
