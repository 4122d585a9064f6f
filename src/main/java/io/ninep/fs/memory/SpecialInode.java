package io.ninep.fs.memory;

import io.ninep.fs.FileType;
import io.ninep.fs.Timestamp;

/** A device, fifo or socket node: metadata only; no driver or pipe stands behind it. */
final class SpecialInode extends Inode {
    private final long rdev;

    SpecialInode(long device, long number, FileType type, int permissions, long rdev, int uid, int gid,
                 Timestamp now) {
        super(device, number, type, permissions, uid, gid, now);
        this.rdev = rdev;
    }

    /** glibc's makedev: the 64-bit dev_t Linux reports in st_rdev, from unsigned major and minor. */
    static long makedev(int major, int minor) {
        long ma = Integer.toUnsignedLong(major);
        long mi = Integer.toUnsignedLong(minor);
        return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8) | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
    }

    @Override
    long size() {
        return 0;
    }

    @Override
    long rdev() {
        return rdev;
    }
}
