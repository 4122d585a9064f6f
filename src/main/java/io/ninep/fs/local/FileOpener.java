package io.ninep.fs.local;

import static io.ninep.fs.local.Linux.AT_FDCWD;
import static io.ninep.fs.local.Linux.O_CREAT;
import static io.ninep.fs.local.Linux.O_DIRECTORY;
import static io.ninep.fs.local.Linux.O_EXCL;
import static io.ninep.fs.local.Linux.O_NOATIME;
import static io.ninep.fs.local.Linux.O_PATH;

import java.util.function.IntUnaryOperator;

import io.ninep.fs.FileId;
import io.ninep.fs.FileSystem.Created;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Identity;
import io.ninep.fs.OpenMode;
import io.ninep.posix.Errno;

/**
 * Opens nodes for I/O and creates regular files. An existing node is reopened through {@code /proc/self/fd/N},
 * which reaches exactly the inode its O_PATH descriptor holds. That path is itself a (magic) symlink, so O_NOFOLLOW
 * cannot be used there; a node that is a symlink still fails with ELOOP, as open(2) answers for one.
 */
final class FileOpener {
    /** How often create retries when an existing name it meant to open vanished in between. */
    private static final int CREATE_ATTEMPTS = 8;

    private final LocalNode root;
    private final BeneathOpener beneath;
    private final Ownership ownership;
    private final Creator creator;

    FileOpener(LocalNode root, BeneathOpener beneath, Ownership ownership, Creator creator) {
        this.root = root;
        this.beneath = beneath;
        this.ownership = ownership;
        this.creator = creator;
    }

    /**
     * A FIFO is opened O_NONBLOCK so that a reader without a writer (or the reverse) cannot park a server thread
     * forever: opening it write-only without a reader answers ENXIO, reading it empty EAGAIN while a writer has
     * it open (end of file when none has), writing it full EAGAIN.
     * Device nodes and sockets answer EOPNOTSUPP: a 9P client treats them as metadata and opens them on its own
     * side (Linux's v9fs does), and opening a device on the server could have side effects there.
     */
    LocalOpenFile open(LocalNode node, OpenMode mode) {
        FileType type = node.type();
        if (type == FileType.CHAR_DEVICE || type == FileType.BLOCK_DEVICE || type == FileType.SOCKET) {
            throw new FsException(Errno.EOPNOTSUPP, "the server does not open device nodes or sockets");
        }
        int flags = OpenFlags.of(mode) | (type == FileType.FIFO ? Linux.O_NONBLOCK : 0);
        String path = node.procPath();
        int fd = droppingNoatime(flags, f -> Syscalls.openat(AT_FDCWD, path, f, 0));
        return new LocalOpenFile(fd, mode, node.isDirectory() ? cursor(node) : null, type == FileType.FIFO);
    }

    /**
     * O_CREAT | O_EXCL first, so the descriptor of a new file is certainly the file this call made (the one that
     * gets chowned); if the name exists and the create is not exclusive, the existing file is opened as a node
     * and reopened, with the rules of {@link #open} (a FIFO there is never opened blocking).
     */
    Created create(LocalNode dir, String name, OpenMode mode, int permissions, Identity who) {
        Names.entry(name);
        int flags = (OpenFlags.of(mode) & ~O_DIRECTORY) | O_CREAT | O_EXCL;
        for (int attempt = 1; ; attempt++) {
            int fd;
            try {
                fd = droppingNoatime(flags, f -> beneath.open(dir.fd(), name, f, permissions & 07777));
            } catch (FsException e) {
                if (e.errno() != Errno.EEXIST || mode.exclusive() || attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
                Created existing = openExisting(dir, name, mode);
                if (existing != null) {
                    return existing;
                }
                continue;
            }
            return adoptCreated(dir, name, fd, mode, permissions, who);
        }
    }

    private Created adoptCreated(LocalNode dir, String name, int fd, OpenMode mode, int permissions, Identity who) {
        LocalOpenFile file = new LocalOpenFile(fd, mode, null, false);
        LocalNode.Examined opened;
        try {
            opened = LocalNode.adoptExamined(Syscalls.openat(AT_FDCWD, Syscalls.procPath(fd), O_PATH, 0));
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
        LocalNode node = opened.node();
        try {
            ownership.claim(node, opened.stat(), who, permissions);
            return new Created(node, file);
        } catch (RuntimeException e) {
            creator.discard(dir, name, node);
            file.close();
            node.close();
            throw e;
        }
    }

    /** The existing file at {@code dir/name} opened; null when the name vanished meanwhile. */
    private Created openExisting(LocalNode dir, String name, OpenMode mode) {
        int fd;
        try {
            fd = beneath.open(dir.fd(), name, O_PATH, 0);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return null;
            }
            throw e;
        }
        LocalNode node = LocalNode.adopt(fd);
        try {
            if (node.isDirectory()) {
                throw new FsException(Errno.EISDIR, "create over a directory");
            }
            return new Created(node, open(node, mode));
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** The export root's ".." must show the root itself, not the directory above the export. */
    private DirectoryCursor cursor(LocalNode dir) {
        FileId id = dir.id();
        FileId parent = dir.sameFile(root) ? FileIds.ofEntry(FileType.DIRECTORY, id.device(), id.inode()) : null;
        return new DirectoryCursor(id.device(), parent);
    }

    /** O_NOATIME is only for the file's owner (or CAP_FOWNER); where it is refused, open without it. */
    private static int droppingNoatime(int flags, IntUnaryOperator open) {
        try {
            return open.applyAsInt(flags);
        } catch (FsException e) {
            if ((flags & O_NOATIME) == 0 || e.errno() != Errno.EPERM) {
                throw e;
            }
            return open.applyAsInt(flags & ~O_NOATIME);
        }
    }
}
