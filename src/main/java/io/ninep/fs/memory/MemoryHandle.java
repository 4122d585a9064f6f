package io.ninep.fs.memory;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a node handle and an open file share: each holds one handle reference on its inode, given back
 * exactly once by the first {@link #close}; a closed handle answers EBADF.
 */
abstract class MemoryHandle {
    final Tree tree;
    final Inode inode;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The caller has already counted this handle in {@code inode.refs}. */
    MemoryHandle(Tree tree, Inode inode) {
        this.tree = tree;
        this.inode = inode;
    }

    void checkOpen() {
        if (closed.get()) {
            throw new FsException(Errno.EBADF, getClass().getSimpleName() + " closed");
        }
    }

    public void close() {
        if (closed.compareAndSet(false, true)) {
            tree.release(inode);
        }
    }

    boolean closed() {
        return closed.get();
    }
}
