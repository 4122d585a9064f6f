package io.ninep.fs.memory;

import io.ninep.fs.FsException;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.posix.Errno;

import java.util.concurrent.atomic.AtomicBoolean;

/** An open file or directory; like an open descriptor it keeps the inode alive until closed. */
final class MemoryOpenFile implements OpenFile {
    final Tree tree;
    final Inode inode;
    private final OpenMode mode;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The caller has already counted this handle in {@code inode.refs}. */
    MemoryOpenFile(Tree tree, Inode inode, OpenMode mode) {
        this.tree = tree;
        this.inode = inode;
        this.mode = mode;
    }

    @Override
    public OpenMode mode() {
        return mode;
    }

    void checkOpen() {
        if (closed.get()) {
            throw new FsException(Errno.EBADF, "file closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            tree.release(inode);
        }
    }

    @Override
    public String toString() {
        return "MemoryOpenFile[inode " + inode.number + ", " + mode.access() + (closed.get() ? ", closed]" : "]");
    }
}
