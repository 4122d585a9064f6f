package io.ninep.fs.memory;

import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

import java.nio.ByteBuffer;

/** A regular file: its bytes live in a sparse {@link FileData}, guarded by the inode lock. */
final class RegularInode extends Inode {
    /** s_maxbytes: writing or truncating past it is EFBIG. */
    static final long MAX_FILE_SIZE = 1L << 40;

    private final FileData data = new FileData();

    RegularInode(long device, long number, int permissions, int uid, int gid, Timestamp now) {
        super(device, number, FileType.REGULAR, permissions, uid, gid, now);
    }

    @Override
    long size() {
        return data.size();
    }

    @Override
    long allocatedBytes() {
        return data.allocatedBytes();
    }

    int read(long offset, ByteBuffer dst) {
        lock.readLock().lock();
        try {
            return data.read(offset, dst);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Writes {@code src} at {@code offset}, or at the end when {@code append} (decided under the lock, so
     * appenders never overlap). Short when the file limit or the budget cuts it; ENOSPC when nothing fits,
     * because a zero Rwrite makes the Linux client retry forever.
     */
    int write(long offset, ByteBuffer src, boolean append, Budget budget) {
        if (!src.hasRemaining()) {
            return 0;
        }
        lock.writeLock().lock();
        try {
            long at = append ? data.size() : offset;
            if (at >= MAX_FILE_SIZE) {
                throw new FsException(Errno.EFBIG, "write at " + at + " past the largest file");
            }
            ByteBuffer part = src.slice();
            part.limit((int) Math.min(part.remaining(), MAX_FILE_SIZE - at));
            int written = data.write(at, part, budget);
            if (written == 0) {
                throw new FsException(Errno.ENOSPC, "file system full");
            }
            src.position(src.position() + written);
            contentChanged(Timestamp.now());
            return written;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** O_TRUNC: mtime and ctime always change (Linux), the version only when bytes went away. */
    void truncateOnOpen(Budget budget) {
        lock.writeLock().lock();
        try {
            Timestamp now = Timestamp.now();
            if (data.size() == 0) {
                timesChanged(now);
            } else {
                data.truncate(0, budget);
                contentChanged(now);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    void resize(long size, Timestamp now, Budget budget) {
        if (size < 0) {
            throw new FsException(Errno.EINVAL, "negative size " + size);
        }
        if (size > MAX_FILE_SIZE) {
            throw new FsException(Errno.EFBIG, "size " + size + " past the largest file");
        }
        if (size != data.size()) {
            data.truncate(size, budget);
            contentChanged(now);
        }
    }

    @Override
    void releaseContent(Budget budget) {
        data.free(budget);
    }
}
