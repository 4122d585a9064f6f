package io.ninep.bench;

import io.ninep.client.NinepClient;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage.Rversion;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One TCP connection and its 9P session, with the fids every operation starts from. Fixed fids name the
 * shared directories and this connection's open files; each pipeline slot owns one more fid for the
 * walks of its operations, free again when the operation ends, so slots never collide.
 */
final class BenchConnection implements AutoCloseable {
    static final int ROOT_FID = 0;
    static final int DIR_FID = 1;
    static final int POOL_FID = 2;
    static final int CREATE_DIR_FID = 3;
    static final int READ_FID = 4;
    static final int WRITE_FID = 5;
    static final int SCRATCH_FID = 6;
    private static final int FIRST_SLOT_FID = 16;

    private final int index;
    private final NinepClient client;
    private final int iounit;
    private final AtomicLong readSequence = new AtomicLong();
    private final AtomicLong writeSequence = new AtomicLong();
    private final AtomicLong createSequence = new AtomicLong();
    private final String runId;
    private volatile boolean unlinkatUnsupported;

    private BenchConnection(int index, NinepClient client, int iounit, String runId) {
        this.index = index;
        this.runId = runId;
        this.client = client;
        this.iounit = iounit;
    }

    /** Connects and negotiates 9P2000.L; reads and writes then move msize − IOHDRSZ bytes each. */
    static BenchConnection open(BenchOptions options, int index, String runId) {
        String where = options.host() + ":" + options.port();
        NinepClient client;
        try {
            client = NinepClient.connect(options.host(), options.port()).timeout(options.stallTimeout());
        } catch (IOException e) {
            throw new BenchFailure("cannot connect to " + where + ": " + e.getMessage()
                    + " (is the server running and listening there?)", e);
        }
        try {
            Rversion version = client.version(options.msize(), P9.VERSION_9P2000_L);
            if (!P9.VERSION_9P2000_L.equals(version.version())) {
                throw new BenchFailure("the server at " + where + " answered Tversion with '" + version.version()
                        + "': it does not speak 9P2000.L");
            }
            return new BenchConnection(index, client, client.msize() - P9.IOHDRSZ, runId);
        } catch (RuntimeException e) {
            client.close();
            throw e instanceof BenchFailure ? e
                    : new BenchFailure("Tversion to " + where + " failed: " + e.getMessage(), e);
        }
    }

    int index() {
        return index;
    }

    NinepClient client() {
        return client;
    }

    int msize() {
        return client.msize();
    }

    int iounit() {
        return iounit;
    }

    int slotFid(int slot) {
        return FIRST_SLOT_FID + slot;
    }

    /** The next iounit-sized block of the read file, wrapping at its end. */
    long nextReadOffset(long fileSize) {
        return readSequence.getAndIncrement() * iounit % blockSpan(fileSize);
    }

    /** The next iounit-sized block of the write file, wrapping so the file never outgrows fileSize. */
    long nextWriteOffset(long fileSize) {
        return writeSequence.getAndIncrement() * iounit % blockSpan(fileSize);
    }

    /** A name no other create uses, in this run or in an earlier one that failed before its unlink. */
    String nextCreateName() {
        return "c" + runId + "-" + index + "-" + createSequence.getAndIncrement();
    }

    boolean unlinkatUnsupported() {
        return unlinkatUnsupported;
    }

    void markUnlinkatUnsupported() {
        unlinkatUnsupported = true;
    }

    /** Whole iounit blocks that fit the file; at least one, so a file smaller than an iounit is read from 0. */
    private long blockSpan(long fileSize) {
        return Math.max(1, fileSize / iounit) * iounit;
    }

    @Override
    public void close() {
        client.close();
    }
}
