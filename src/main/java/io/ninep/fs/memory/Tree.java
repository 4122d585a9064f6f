package io.ninep.fs.memory;

import io.ninep.fs.Attributes;
import io.ninep.fs.DirentSink;
import io.ninep.fs.FsException;
import io.ninep.fs.OpenMode;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The namespace, its lock, lookups, and the life of inodes and handles. {@link #namespace} guards every
 * directory's entries and subdirectory count, every {@link Link}'s place (directory, name, cookie), each
 * directory's self link, and so every link count: lookups, readdir and getattr share it; create, link,
 * unlink and rename ({@link Creation}, {@link Removal}, {@link Renaming}) take it alone. Lock order: the
 * namespace lock, then one inode lock at a time, then an inode's {@link References}. File data never needs
 * the namespace lock, so I/O on different files runs in parallel.
 */
final class Tree {
    /** The root's inode number: fixed, so it is the same after a restart of the same export. */
    static final long ROOT_INODE = 1;
    private static final int ROOT_PERMISSIONS = 0755;
    private static final int READDIR_BATCH = 128;

    final Budget budget;
    final DirectoryInode root;
    final long device;
    private final ReentrantReadWriteLock namespace = new ReentrantReadWriteLock();
    /** Inode numbers are never reused, so a stale qid can never name a new file. */
    private final AtomicLong lastInode = new AtomicLong(ROOT_INODE);
    private volatile boolean closed;

    /** @param device the device key of every file in this tree */
    Tree(Budget budget, long device) {
        this.budget = budget;
        this.device = device;
        budget.reserveInode();
        root = new DirectoryInode(device, ROOT_INODE, ROOT_PERMISSIONS, 0, 0, Timestamp.now());
        root.refs.addLink();
    }

    long nextInodeNumber() {
        return lastInode.incrementAndGet();
    }

    MemoryNode root() {
        return handle(root, null);
    }

    /** A second handle needs no lock: the first one keeps the inode alive meanwhile. */
    MemoryNode duplicate(MemoryNode node) {
        return handle(node.inode, node.link);
    }

    MemoryOpenFile open(Inode inode, OpenMode mode) {
        inode.refs.addHandle();
        return new MemoryOpenFile(this, inode, mode);
    }

    /**
     * A new handle, counted before it exists; callers hold the namespace lock when they found the inode
     * through a name, so an unlink cannot free it in between.
     */
    MemoryNode handle(Inode inode, Link link) {
        inode.refs.addHandle();
        return new MemoryNode(this, inode, link);
    }

    /** A handle was closed: the inode goes when no link and no other handle is left. */
    void release(Inode inode) {
        if (inode.refs.dropHandle()) {
            free(inode);
        }
    }

    /** Takes {@code link} out of its directory; the inode goes if that was its last link and no handle is open. */
    void unlink(Link link, Timestamp now) {
        DirectoryInode dir = link.dir;
        dir.detach(link);
        link.inode.touchChange(now);
        dir.touchContent(now);
        if (link.inode.refs.dropLink()) {
            free(link.inode);
        }
    }

    MemoryNode walk(DirectoryInode dir, String name) {
        if (Names.DOTDOT.equals(name)) {
            return shared(() -> {
                dir.checkLive();
                DirectoryInode parent = dir.parent();
                return handle(parent, parent.self);
            });
        }
        Names.check(name);
        return shared(() -> {
            dir.checkLive();
            Link link = existing(dir, name);
            return handle(link.inode, link);
        });
    }

    Attributes attributes(Inode inode) {
        return shared(inode::attributes);
    }

    /**
     * Feeds {@code sink} the entries after {@code cookie}. Entries are copied out in batches under the shared
     * lock and offered with no lock held, so a slow or re-entrant sink never stalls or deadlocks changes;
     * the cookies make each batch resume exactly where the last one ended. A directory removed between two
     * batches simply ends the listing.
     */
    void readdir(DirectoryInode dir, long cookie, DirentSink sink) {
        List<DirectoryInode.Listed> batch = shared(() -> {
            dir.checkLive();
            return dir.listAfter(cookie, READDIR_BATCH);
        });
        while (!batch.isEmpty()) {
            for (DirectoryInode.Listed entry : batch) {
                if (!sink.accept(entry.name(), entry.id(), entry.next())) {
                    return;
                }
            }
            long last = batch.get(batch.size() - 1).next();
            batch = shared(() -> dir.listAfter(last, READDIR_BATCH));
        }
    }

    void close() {
        closed = true;
    }

    void checkOpen() {
        if (closed) {
            throw new FsException(Errno.EIO, "file system closed");
        }
    }

    static Link existing(DirectoryInode dir, String name) {
        Link link = dir.lookup(name);
        if (link == null) {
            throw new FsException(Errno.ENOENT, "no entry " + name);
        }
        return link;
    }

    static void checkRemovable(Inode inode) {
        if (inode instanceof DirectoryInode && !((DirectoryInode) inode).isEmpty()) {
            throw new FsException(Errno.ENOTEMPTY, "directory not empty");
        }
    }

    /** The name a handle was reached through, for remove and rename; the root has none to change. */
    static Link nameOf(MemoryNode node) {
        if (node.link == null) {
            throw new FsException(Errno.EBUSY, "the root has no name to change");
        }
        return node.link;
    }

    /** ENOENT when the name a handle was reached through is gone (unlinked, or renamed over). */
    static void checkAttached(Link link) {
        if (!link.attached()) {
            throw new FsException(Errno.ENOENT, "the name this handle was reached by is gone");
        }
    }

    <T> T shared(Supplier<T> action) {
        namespace.readLock().lock();
        try {
            return action.get();
        } finally {
            namespace.readLock().unlock();
        }
    }

    <T> T exclusive(Supplier<T> action) {
        namespace.writeLock().lock();
        try {
            return action.get();
        } finally {
            namespace.writeLock().unlock();
        }
    }

    void exclusiveDo(Runnable action) {
        namespace.writeLock().lock();
        try {
            action.run();
        } finally {
            namespace.writeLock().unlock();
        }
    }

    private void free(Inode inode) {
        inode.free(budget);
        budget.releaseInode();
    }
}
