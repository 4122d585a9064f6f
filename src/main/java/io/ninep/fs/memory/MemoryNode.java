package io.ninep.fs.memory;

import io.ninep.fs.FileId;
import io.ninep.fs.FsException;
import io.ninep.fs.Node;
import io.ninep.posix.Errno;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A handle on an inode, not on a path: it keeps the inode alive (one handle reference) and the {@link Link}
 * it was reached through, which renames move and unlinks detach, so remove and rename act on the right name.
 * The root's handle has no link.
 */
final class MemoryNode implements Node {
    final Tree tree;
    final Inode inode;
    final Link link;
    private final FileId id;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The caller has already counted this handle in {@code inode.refs}. */
    MemoryNode(Tree tree, Inode inode, Link link) {
        this.tree = tree;
        this.inode = inode;
        this.link = link;
        this.id = inode.id();
    }

    @Override
    public FileId id() {
        return id;
    }

    void checkOpen() {
        if (closed.get()) {
            throw new FsException(Errno.EBADF, "node closed");
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
        return "MemoryNode[inode " + inode.number + (closed.get() ? ", closed]" : "]");
    }
}
