package io.ninep.fs.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.ninep.fs.FileType;
import io.ninep.fs.Timestamp;

/**
 * The fields of {@code struct statx} the backend uses. The layout is the kernel's {@code <linux/stat.h>}, the same
 * on every architecture; decoded little-endian, as on x86_64.
 */
record Statx(int mask, int blksize, int nlink, int uid, int gid, int mode, long ino, long size, long blocks,
             Timestamp atime, Timestamp btime, Timestamp ctime, Timestamp mtime, long rdev, long dev) {

    static final int SIZE = 256;

    static Statx decode(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        return new Statx(b.getInt(0), b.getInt(4), b.getInt(16), b.getInt(20), b.getInt(24),
                Short.toUnsignedInt(b.getShort(28)), b.getLong(32), b.getLong(40), b.getLong(48),
                time(b, 64), time(b, 80), time(b, 96), time(b, 112),
                Linux.makedev(b.getInt(128), b.getInt(132)), Linux.makedev(b.getInt(136), b.getInt(140)));
    }

    /** {@code struct statx_timestamp}: s64 seconds, u32 nanoseconds, 4 bytes reserved. */
    private static Timestamp time(ByteBuffer b, int offset) {
        return new Timestamp(b.getLong(offset), Integer.toUnsignedLong(b.getInt(offset + 8)));
    }

    FileType type() {
        return FileType.fromMode(mode);
    }

    boolean hasBtime() {
        return (mask & Linux.STATX_BTIME) != 0;
    }

    boolean sameFile(long otherDev, long otherIno) {
        return dev == otherDev && ino == otherIno;
    }
}
