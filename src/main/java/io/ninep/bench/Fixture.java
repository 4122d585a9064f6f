package io.ninep.bench;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage.Rgetattr;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lays out what a workload needs in the export, with plain synchronous calls (none of it is measured),
 * reusing whatever an earlier run left: {@code DIR/pool/f0..fN-1} for meta, {@code DIR/create/} for
 * create, {@code DIR/read-I} filled to the file size and {@code DIR/write-I} for connection I.
 */
final class Fixture {
    static final String POOL = "pool";
    static final String CREATE_DIR = "create";
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_CREAT = 0100;
    private static final int FILE_MODE = 0644;
    private static final int DIR_MODE = 0755;

    private final BenchOptions options;

    Fixture(BenchOptions options) {
        this.options = options;
    }

    static String poolName(int i) {
        return "f" + i;
    }

    /** Creates the shared directories and the meta pool: once, on a connection of its own, before {@link #attach}. */
    void prepareShared(BenchConnection connection) {
        NinepClient c = connection.client();
        attachRoot(connection);
        step("creating directory " + options.dir(),
                () -> ensureDirectory(c, BenchConnection.ROOT_FID, options.dir(), options.gid()));
        walkToDir(c);
        Workload w = options.workload();
        if (w.uses(Workload.Op.META)) {
            step("creating the meta pool", () -> {
                ensureDirectory(c, BenchConnection.DIR_FID, POOL, options.gid());
                c.walk(BenchConnection.DIR_FID, BenchConnection.POOL_FID, POOL);
                for (int i = 0; i < options.files(); i++) {
                    ensureFile(c, BenchConnection.POOL_FID, poolName(i));
                }
            });
        }
        if (w.uses(Workload.Op.CREATE)) {
            step("creating directory " + CREATE_DIR,
                    () -> ensureDirectory(c, BenchConnection.DIR_FID, CREATE_DIR, options.gid()));
        }
    }

    /** Attaches a connection and binds the fixed fids its workload's operations start from. */
    void attach(BenchConnection connection) {
        NinepClient c = connection.client();
        attachRoot(connection);
        walkToDir(c);
        Workload w = options.workload();
        if (w.uses(Workload.Op.META)) {
            step("walking to " + POOL, () -> c.walk(BenchConnection.DIR_FID, BenchConnection.POOL_FID, POOL));
        }
        if (w.uses(Workload.Op.CREATE)) {
            step("walking to " + CREATE_DIR,
                    () -> c.walk(BenchConnection.DIR_FID, BenchConnection.CREATE_DIR_FID, CREATE_DIR));
        }
        if (w.uses(Workload.Op.READ) || w.uses(Workload.Op.RANDREAD)) {
            String name = "read-" + connection.index();
            step("preparing " + name, () -> {
                ensureFile(c, BenchConnection.DIR_FID, name);
                fill(connection, name);
                c.walk(BenchConnection.DIR_FID, BenchConnection.READ_FID, name);
                c.lopen(BenchConnection.READ_FID, O_RDONLY);
            });
        }
        if (w.uses(Workload.Op.WRITE)) {
            String name = "write-" + connection.index();
            step("preparing " + name, () -> {
                ensureFile(c, BenchConnection.DIR_FID, name);
                c.walk(BenchConnection.DIR_FID, BenchConnection.WRITE_FID, name);
                c.lopen(BenchConnection.WRITE_FID, O_WRONLY);
            });
        }
    }

    private void walkToDir(NinepClient c) {
        step("walking to " + options.dir(),
                () -> c.walk(BenchConnection.ROOT_FID, BenchConnection.DIR_FID, options.dir()));
    }

    private void attachRoot(BenchConnection connection) {
        step("attaching to aname '" + options.aname() + "' as " + options.uname() + " (uid " + options.uid() + ")",
                () -> connection.client().attach(BenchConnection.ROOT_FID, P9.NOFID, options.uname(),
                        options.aname(), options.uid()));
    }

    /** Extends file {@code name} with pseudo-random data up to the file size, so reads never hit its end. */
    private void fill(BenchConnection connection, String name) {
        NinepClient c = connection.client();
        int fid = BenchConnection.SCRATCH_FID;
        c.walk(BenchConnection.DIR_FID, fid, name);
        try {
            Rgetattr attr = c.getattr(fid, P9.GETATTR_BASIC);
            if (attr.size() >= options.fileSize()) {
                return;
            }
            c.lopen(fid, O_WRONLY);
            byte[] block = new byte[connection.iounit()];
            new SplittableRandom(connection.index()).nextBytes(block);
            for (long offset = attr.size(); offset < options.fileSize(); ) {
                int length = (int) Math.min(block.length, options.fileSize() - offset);
                byte[] data = length == block.length ? block : Arrays.copyOf(block, length);
                int written = c.write(fid, offset, data);
                if (written <= 0) {
                    throw new BenchFailure("filling " + name + ": Rwrite of " + written + " bytes at offset " + offset);
                }
                offset += written;
            }
        } finally {
            c.clunk(fid);
        }
    }

    private static void ensureDirectory(NinepClient c, int parentFid, String name, int gid) {
        if (!exists(c, parentFid, name)) {
            c.mkdir(parentFid, name, DIR_MODE, gid);
        }
    }

    private void ensureFile(NinepClient c, int parentFid, String name) {
        if (exists(c, parentFid, name)) {
            return;
        }
        int fid = BenchConnection.SCRATCH_FID;
        c.walk(parentFid, fid);
        c.lcreate(fid, name, O_WRONLY | O_CREAT, FILE_MODE, options.gid());
        c.clunk(fid);
    }

    private static boolean exists(NinepClient c, int parentFid, String name) {
        int fid = BenchConnection.SCRATCH_FID;
        try {
            c.walk(parentFid, fid, name);
        } catch (NinepException e) {
            if (e.errno() == Errno.ENOENT.number()) {
                return false;
            }
            throw e;
        }
        c.clunk(fid);
        return true;
    }

    /** Runs one setup step, turning a protocol error into a message that says which step failed. */
    private static void step(String what, Runnable action) {
        try {
            action.run();
        } catch (BenchFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BenchFailure("setup failed while " + what + ": " + e.getMessage(), e);
        }
    }
}
