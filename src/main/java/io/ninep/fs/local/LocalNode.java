package io.ninep.fs.local;

import java.util.concurrent.atomic.AtomicBoolean;

import io.ninep.fs.FileId;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Node;
import io.ninep.posix.Errno;

/**
 * A handle on one inode: an O_PATH | O_NOFOLLOW descriptor, so it follows the file through renames and keeps
 * working after unlink (PROTOCOL.md, trap 3). {@code dev} and {@code ino} are the raw statx values, which never
 * change for an inode.
 */
final class LocalNode implements Node {
    private final int fd;
    private final FileId id;
    private final long dev;
    private final long ino;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalNode(int fd, FileId id, long dev, long ino) {
        this.fd = fd;
        this.id = id;
        this.dev = dev;
        this.ino = ino;
    }

    /** Takes ownership of an O_PATH descriptor; closes it if it cannot be examined. */
    static LocalNode adopt(int fd) {
        return adoptExamined(fd).node();
    }

    /** As {@link #adopt}, also returning the statx, so a creator settles owner and mode without asking again. */
    static Examined adoptExamined(int fd) {
        try {
            Statx st = Syscalls.statx(fd, "", Linux.AT_EMPTY_PATH | Linux.AT_SYMLINK_NOFOLLOW);
            return new Examined(new LocalNode(fd, FileIds.of(st), st.dev(), st.ino()), st);
        } catch (RuntimeException e) {
            Syscalls.close(fd);
            throw e;
        }
    }

    record Examined(LocalNode node, Statx stat) {
    }

    /** A new handle on the same inode, sharing this one's identity. */
    LocalNode duplicate() {
        return new LocalNode(Syscalls.dupCloexec(fd()), id, dev, ino);
    }

    /** The descriptor; EBADF once closed (the server never uses a closed handle, this guards a bug). */
    int fd() {
        if (closed.get()) {
            throw new FsException(Errno.EBADF, "node closed");
        }
        return fd;
    }

    /** The descriptor as a path that reaches exactly this inode, for calls that refuse O_PATH descriptors. */
    String procPath() {
        return Syscalls.procPath(fd());
    }

    FileType type() {
        return id.type();
    }

    boolean isDirectory() {
        return id.type() == FileType.DIRECTORY;
    }

    boolean sameFile(LocalNode other) {
        return dev == other.dev && ino == other.ino;
    }

    boolean sameFile(Statx st) {
        return st.sameFile(dev, ino);
    }

    @Override
    public FileId id() {
        return id;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Syscalls.close(fd);
        }
    }

    @Override
    public String toString() {
        return "LocalNode[" + id.type() + " ino=" + ino + (closed.get() ? " closed" : " fd=" + fd) + "]";
    }
}
