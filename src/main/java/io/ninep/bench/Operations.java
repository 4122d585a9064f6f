package io.ninep.bench;

import io.ninep.client.NinepException;
import io.ninep.client.UnexpectedReplyException;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Rmessage.Rclunk;
import io.ninep.protocol.Rmessage.Rgetattr;
import io.ninep.protocol.Rmessage.Rlcreate;
import io.ninep.protocol.Rmessage.Rlerror;
import io.ninep.protocol.Rmessage.Rread;
import io.ninep.protocol.Rmessage.Rremove;
import io.ninep.protocol.Rmessage.Runlinkat;
import io.ninep.protocol.Rmessage.Rwalk;
import io.ninep.protocol.Rmessage.Rwrite;
import io.ninep.protocol.Tmessage;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Each {@link Workload.Op} as a chain of pipelined requests, completing with what it moved and sent.
 * A chain's next request goes out from the reply callback of the previous one (the client's reader
 * thread), so no thread waits. Any Rlerror or short transfer fails the chain.
 */
final class Operations {
    /** What a random read asks for: one page, the unit of a page-cache miss. */
    static final int RANDOM_READ_SIZE = 4096;
    private static final int O_WRONLY = 1;
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int FILE_MODE = 0644;

    /** A completed operation: its payload bytes and the 9P requests it took. */
    record Completed(long bytes, int requests) {
    }

    private static final Completed ONE_REQUEST = new Completed(0, 1);

    private final BenchOptions options;
    private final ByteBuffer writeBlock;

    Operations(BenchOptions options, int iounit) {
        this.options = options;
        byte[] block = new byte[iounit];
        new SplittableRandom(iounit).nextBytes(block);
        this.writeBlock = ByteBuffer.wrap(block).asReadOnlyBuffer();
    }

    CompletableFuture<Completed> start(Workload.Op op, BenchConnection connection, int slot) {
        return switch (op) {
            case READ -> read(connection, connection.nextReadOffset(options.fileSize()), connection.iounit());
            case RANDREAD -> read(connection, randomPage(), Math.min(RANDOM_READ_SIZE, connection.iounit()));
            case WRITE -> write(connection);
            case META -> meta(connection, slot);
            case CREATE -> create(connection, slot);
        };
    }

    private CompletableFuture<Completed> read(BenchConnection connection, long offset, int count) {
        Tmessage.Tread request = new Tmessage.Tread(BenchConnection.READ_FID, offset, count);
        return call(connection, request, Rread.class).thenApply(reply -> {
            int got = reply.data().remaining();
            if (got != count) {
                throw new BenchFailure("short read: " + got + " of " + count + " bytes at offset " + offset
                        + " of read-" + connection.index());
            }
            return new Completed(got, 1);
        });
    }

    private long randomPage() {
        long pages = options.fileSize() / RANDOM_READ_SIZE;
        return ThreadLocalRandom.current().nextLong(pages) * RANDOM_READ_SIZE;
    }

    private CompletableFuture<Completed> write(BenchConnection connection) {
        long offset = connection.nextWriteOffset(options.fileSize());
        ByteBuffer data = writeBlock.duplicate().limit(connection.iounit());
        Tmessage.Twrite request = new Tmessage.Twrite(BenchConnection.WRITE_FID, offset, data);
        return call(connection, request, Rwrite.class).thenApply(reply -> {
            if (reply.count() != connection.iounit()) {
                throw new BenchFailure("short write: " + reply.count() + " of " + connection.iounit()
                        + " bytes at offset " + offset + " of write-" + connection.index());
            }
            return new Completed(reply.count(), 1);
        });
    }

    /** What a Linux lookup followed by stat sends: walk one name, getattr, clunk. */
    private CompletableFuture<Completed> meta(BenchConnection connection, int slot) {
        int fid = connection.slotFid(slot);
        String name = Fixture.poolName(ThreadLocalRandom.current().nextInt(options.files()));
        return call(connection, new Tmessage.Twalk(BenchConnection.POOL_FID, fid, List.of(name)), Rwalk.class)
                .thenCompose(walked -> call(connection, new Tmessage.Tgetattr(fid, P9.GETATTR_BASIC), Rgetattr.class))
                .thenCompose(attr -> call(connection, new Tmessage.Tclunk(fid), Rclunk.class))
                .thenApply(clunked -> new Completed(0, 3));
    }

    /** What a Linux creat() then close() then unlink() sends. */
    private CompletableFuture<Completed> create(BenchConnection connection, int slot) {
        int fid = connection.slotFid(slot);
        int dir = BenchConnection.CREATE_DIR_FID;
        String name = connection.nextCreateName();
        Tmessage.Tlcreate lcreate =
                new Tmessage.Tlcreate(fid, name, O_WRONLY | O_CREAT | O_EXCL, FILE_MODE, options.gid());
        return call(connection, new Tmessage.Twalk(dir, fid, List.of()), Rwalk.class)
                .thenCompose(cloned -> call(connection, lcreate, Rlcreate.class))
                .thenCompose(created -> call(connection, new Tmessage.Tclunk(fid), Rclunk.class))
                .thenCompose(clunked -> unlink(connection, fid, name))
                .thenApply(unlink -> new Completed(0, 3 + unlink.requests()));
    }

    /**
     * Tunlinkat, or, on a server that answers it EOPNOTSUPP (diod 1.0), what Linux falls back to: walk to
     * the name and Tremove it. The connection remembers the answer, so later unlinks go straight to the fallback.
     */
    private static CompletableFuture<Completed> unlink(BenchConnection connection, int fid, String name) {
        int dir = BenchConnection.CREATE_DIR_FID;
        if (connection.unlinkatUnsupported()) {
            return removeByWalk(connection, fid, name);
        }
        return call(connection, new Tmessage.Tunlinkat(dir, name, 0), Runlinkat.class)
                .thenApply(unlinked -> ONE_REQUEST)
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    if (cause instanceof NinepException e && e.errno() == Errno.EOPNOTSUPP.number()) {
                        connection.markUnlinkatUnsupported();
                        return removeByWalk(connection, fid, name).thenApply(r -> new Completed(0, 1 + r.requests()));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    private static CompletableFuture<Completed> removeByWalk(BenchConnection connection, int fid, String name) {
        return call(connection, new Tmessage.Twalk(BenchConnection.CREATE_DIR_FID, fid, List.of(name)), Rwalk.class)
                .thenCompose(walked -> call(connection, new Tmessage.Tremove(fid), Rremove.class))
                .thenApply(removed -> new Completed(0, 2));
    }

    private static <R extends Rmessage> CompletableFuture<R> call(BenchConnection connection, Tmessage request,
                                                                  Class<R> expected) {
        return connection.client().send(request).thenApply(reply -> {
            if (reply instanceof Rlerror error) {
                throw new NinepException(request.opName(), error.ecode());
            }
            if (!expected.isInstance(reply)) {
                throw new UnexpectedReplyException(request.opName() + " was answered with "
                        + reply.getClass().getSimpleName());
            }
            return expected.cast(reply);
        });
    }
}
