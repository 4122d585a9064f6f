package io.ninep.fs.memory;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.Attributes;
import io.ninep.fs.FileId;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One file: identity, ownership, permissions, times, version and xattrs; subclasses add the content.
 * {@link #lock} guards every mutable field here and the subclass's content (a directory's entries excepted:
 * the namespace lock guards those), so reads and writes of different files never contend and reads of one
 * file share it. {@link #refs} has its own monitor. Where the namespace lock is also needed it is taken
 * first (see {@link Tree}); no code holds two inode locks at once.
 */
abstract class Inode {
    static final int BLOCK_SIZE = 4096;
    static final int PERMISSION_BITS = 07777;
    static final int S_ISGID = 02000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** The file system's device key, so that two memory exports never share a (device, inode) identity. */
    final long device;
    final long number;
    final FileType type;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final References refs = new References();
    private final Xattrs xattrs = new Xattrs();
    private final Timestamp btime;
    private int permissions;
    private int uid;
    private int gid;
    /** Changes only with content (data, size, directory entries): qid.version lets clients cache on it. */
    private long version = 1;
    private Timestamp atime;
    private Timestamp mtime;
    private Timestamp ctime;

    Inode(long device, long number, FileType type, int permissions, int uid, int gid, Timestamp now) {
        this.device = device;
        this.number = number;
        this.type = type;
        this.permissions = permissions & PERMISSION_BITS;
        this.uid = uid;
        this.gid = gid;
        this.atime = now;
        this.mtime = now;
        this.ctime = now;
        this.btime = now;
    }

    /** st_nlink; directories override it, and read namespace state, so getattr holds the namespace lock. */
    long nlink() {
        return refs.links();
    }

    abstract long size();

    /** Bytes of content held in memory, reported as st_blocks. */
    long allocatedBytes() {
        return 0;
    }

    long rdev() {
        return 0;
    }

    /** Sets the size for setattr; the caller holds the write lock. Only regular files have one to set. */
    void resize(long size, Timestamp now, Budget budget) {
        throw new FsException(Errno.EINVAL, type + " has no size to set");
    }

    /** Returns the content's memory once no link or handle is left; the caller holds the write lock. */
    void releaseContent(Budget budget) {
    }

    final FileId id() {
        lock.readLock().lock();
        try {
            return new FileId(type, device, number, version);
        } finally {
            lock.readLock().unlock();
        }
    }

    final Attributes attributes() {
        lock.readLock().lock();
        try {
            return new Attributes(new FileId(type, device, number, version), type.modeBits() | permissions, uid,
                    gid, nlink(), rdev(), size(), BLOCK_SIZE, (allocatedBytes() + 511) / 512, atime, mtime, ctime,
                    btime, 0);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The owner group for a new entry here: a set-group-ID directory hands down its own group (Linux). */
    final int groupForChild(int requested) {
        lock.readLock().lock();
        try {
            return (permissions & S_ISGID) != 0 ? gid : requested;
        } finally {
            lock.readLock().unlock();
        }
    }

    final boolean setGroupId() {
        lock.readLock().lock();
        try {
            return (permissions & S_ISGID) != 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Entries or data changed: new version, mtime and ctime. */
    final void touchContent(Timestamp now) {
        lock.writeLock().lock();
        try {
            contentChanged(now);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Metadata changed (link count, name): new ctime only. */
    final void touchChange(Timestamp now) {
        lock.writeLock().lock();
        try {
            ctime = now;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The caller holds the write lock. */
    final void contentChanged(Timestamp now) {
        version++;
        timesChanged(now);
    }

    /** mtime and ctime without a new version (a truncate that changed no byte); write lock held. */
    final void timesChanged(Timestamp now) {
        mtime = now;
        ctime = now;
    }

    /** Applies a setattr all or nothing: the size, the only part that can fail, goes first. */
    final void setattr(AttributeChange change, Budget budget) {
        if (change.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.now();
        Timestamp newAtime = resolve(change.atime(), now);
        Timestamp newMtime = resolve(change.mtime(), now);
        lock.writeLock().lock();
        try {
            if (change.size() != null) {
                resize(change.size(), now, budget);
            }
            if (change.mode() != null) {
                permissions = change.mode() & PERMISSION_BITS;
            }
            if (change.uid() != null) {
                uid = change.uid();
            }
            if (change.gid() != null) {
                gid = change.gid();
            }
            if (newAtime != null) {
                atime = newAtime;
            }
            if (newMtime != null) {
                mtime = newMtime;
            }
            ctime = now;
        } finally {
            lock.writeLock().unlock();
        }
    }

    final byte[] getxattr(String name) {
        lock.readLock().lock();
        try {
            if (!holdsUserXattrs() && isUser(name)) {
                throw new FsException(Errno.ENODATA, "no user xattrs on a " + type);
            }
            return xattrs.get(name);
        } finally {
            lock.readLock().unlock();
        }
    }

    final List<String> listxattr() {
        lock.readLock().lock();
        try {
            return xattrs.names();
        } finally {
            lock.readLock().unlock();
        }
    }

    final void setxattr(String name, byte[] value, int flags, Budget budget) {
        lock.writeLock().lock();
        try {
            checkUserXattrWrite(name);
            xattrs.set(name, value, flags, budget);
            ctime = Timestamp.now();
        } finally {
            lock.writeLock().unlock();
        }
    }

    final void removexattr(String name, Budget budget) {
        lock.writeLock().lock();
        try {
            checkUserXattrWrite(name);
            xattrs.remove(name, budget);
            ctime = Timestamp.now();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Frees content and xattrs: the last link and the last handle are gone. */
    final void free(Budget budget) {
        lock.writeLock().lock();
        try {
            releaseContent(budget);
            xattrs.free(budget);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Linux keeps user.* xattrs to regular files and directories: EPERM on write, ENODATA on read. */
    private boolean holdsUserXattrs() {
        return type == FileType.REGULAR || type == FileType.DIRECTORY;
    }

    private void checkUserXattrWrite(String name) {
        if (!holdsUserXattrs() && isUser(name)) {
            throw new FsException(Errno.EPERM, "no user xattrs on a " + type);
        }
    }

    private static boolean isUser(String name) {
        return name.startsWith("user.");
    }

    /** A setattr time: null stays, {@link AttributeChange#NOW} is now, else nanoseconds must be in range. */
    private static Timestamp resolve(Timestamp requested, Timestamp now) {
        if (requested == null) {
            return null;
        }
        if (AttributeChange.NOW.equals(requested)) {
            return now;
        }
        if (requested.nanos() < 0 || requested.nanos() >= NANOS_PER_SECOND) {
            throw new FsException(Errno.EINVAL, "nanoseconds out of range: " + requested.nanos());
        }
        return requested;
    }
}
