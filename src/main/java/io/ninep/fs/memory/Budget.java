package io.ninep.fs.memory;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one memory file system may hold: bytes of stored content (file pages, xattrs, symlink targets) and
 * inodes. Each counter is a lone atomic, so reservations from many threads need no lock; a reservation that
 * would pass the limit is refused whole.
 */
final class Budget {
    private final long capacityBytes;
    private final long inodeLimit;
    private final AtomicLong usedBytes = new AtomicLong();
    private final AtomicLong usedInodes = new AtomicLong();

    Budget(long capacityBytes, long inodeLimit) {
        if (capacityBytes < 0 || inodeLimit < 1) {
            throw new IllegalArgumentException("capacity " + capacityBytes + ", inode limit " + inodeLimit);
        }
        this.capacityBytes = capacityBytes;
        this.inodeLimit = inodeLimit;
    }

    /** Takes {@code bytes} from the budget; false (nothing taken) when they do not fit. */
    boolean reserveBytes(long bytes) {
        return reserve(usedBytes, bytes, capacityBytes);
    }

    /** Takes the most whole multiples of {@code step} up to {@code max} that fit; returns what it took. */
    long reserveUpTo(long max, long step) {
        while (true) {
            long now = usedBytes.get();
            long taken = Math.min(max, (capacityBytes - now) / step * step);
            if (taken <= 0) {
                return 0;
            }
            if (usedBytes.compareAndSet(now, now + taken)) {
                return taken;
            }
        }
    }

    void releaseBytes(long bytes) {
        usedBytes.addAndGet(-bytes);
    }

    /** Takes one inode; ENOSPC when the table is full, as tmpfs answers at its nr_inodes. */
    void reserveInode() {
        if (!reserve(usedInodes, 1, inodeLimit)) {
            throw new FsException(Errno.ENOSPC, "inode limit " + inodeLimit + " reached");
        }
    }

    void releaseInode() {
        usedInodes.decrementAndGet();
    }

    long capacityBytes() {
        return capacityBytes;
    }

    long inodeLimit() {
        return inodeLimit;
    }

    long usedBytes() {
        return usedBytes.get();
    }

    long usedInodes() {
        return usedInodes.get();
    }

    private static boolean reserve(AtomicLong used, long amount, long limit) {
        while (true) {
            long now = used.get();
            if (amount > limit - now) {
                return false;
            }
            if (used.compareAndSet(now, now + amount)) {
                return true;
            }
        }
    }
}
