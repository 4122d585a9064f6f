package io.ninep.fs.local;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

import io.ninep.fs.FsException;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.posix.Errno;

/**
 * An open descriptor for I/O; a directory's also carries the cursor that readdir uses. Reads and writes are
 * positionless (pread/pwrite), so several threads may use one file at once.
 */
final class LocalOpenFile implements OpenFile {
    private final int fd;
    private final OpenMode mode;
    private final DirectoryCursor cursor;
    private final boolean stream;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Takes ownership of {@code fd}; {@code cursor} is null unless it is a directory; {@code stream} is true
     * for a FIFO, which has no offsets.
     */
    LocalOpenFile(int fd, OpenMode mode, DirectoryCursor cursor, boolean stream) {
        this.fd = fd;
        this.mode = mode;
        this.cursor = cursor;
        this.stream = stream;
    }

    int read(long offset, ByteBuffer dst) {
        return stream ? Syscalls.read(fd(), dst) : Syscalls.pread(fd(), dst, offset);
    }

    /** Linux's pwrite on an O_APPEND descriptor appends and ignores the offset; write(2) says so plainly. */
    int write(long offset, ByteBuffer src) {
        return stream || mode.append() ? Syscalls.write(fd(), src) : Syscalls.pwrite(fd(), src, offset);
    }

    int fd() {
        if (closed.get()) {
            throw new FsException(Errno.EBADF, "file closed");
        }
        return fd;
    }

    DirectoryCursor cursor() {
        if (cursor == null) {
            throw new FsException(Errno.ENOTDIR, "readdir on a file that is not a directory");
        }
        return cursor;
    }

    @Override
    public OpenMode mode() {
        return mode;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Syscalls.close(fd);
        }
    }

    @Override
    public String toString() {
        return "LocalOpenFile[" + mode.access() + (cursor != null ? " dir" : "")
                + (closed.get() ? " closed" : " fd=" + fd) + "]";
    }
}
