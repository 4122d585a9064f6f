package io.ninep.fs.local;

import static io.ninep.fs.local.Linux.AT_EMPTY_PATH;
import static io.ninep.fs.local.Linux.AT_FDCWD;
import static io.ninep.fs.local.Linux.AT_SYMLINK_FOLLOW;
import static io.ninep.fs.local.Linux.O_PATH;

import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Identity;
import io.ninep.posix.Errno;

/**
 * Makes directories, symlinks, special files and hard links, always relative to the held directory descriptor
 * (mkdirat, symlinkat, mknodat and linkat never follow a symlink in the new name).
 */
final class Creator {
    private final BeneathOpener beneath;
    private final Ownership ownership;
    /** linkat(AT_EMPTY_PATH) needs CAP_DAC_READ_SEARCH; without it the /proc path is used from then on. */
    private volatile boolean linkByEmptyPath;

    Creator(BeneathOpener beneath, Ownership ownership, boolean linkByEmptyPath) {
        this.beneath = beneath;
        this.ownership = ownership;
        this.linkByEmptyPath = linkByEmptyPath;
    }

    LocalNode mkdir(LocalNode dir, String name, int permissions, Identity who) {
        Syscalls.mkdirat(dir.fd(), Names.entry(name), permissions & 07777);
        return claim(dir, name, FileType.DIRECTORY, who, permissions);
    }

    LocalNode symlink(LocalNode dir, String name, String target, Identity who) {
        Syscalls.symlinkat(target, dir.fd(), Names.entry(name));
        return claim(dir, name, FileType.SYMLINK, who, Ownership.NO_MODE);
    }

    /** {@code mode} 0 in the type bits makes a regular file, as mknod(2) does. */
    LocalNode mknod(LocalNode dir, String name, int mode, int major, int minor, Identity who) {
        Names.entry(name);
        FileType type = (mode & FileType.S_IFMT) == 0 ? FileType.REGULAR : FileType.fromMode(mode);
        if (type == null || type == FileType.DIRECTORY || type == FileType.SYMLINK) {
            throw new FsException(Errno.EINVAL, "mknod makes only files, FIFOs, sockets and device nodes");
        }
        Syscalls.mknodat(dir.fd(), name, type.modeBits() | (mode & 07777), Linux.makedev(major, minor));
        return claim(dir, name, type, who, mode & 07777);
    }

    /** link(2) answers EPERM for a directory. */
    void link(LocalNode dir, String name, LocalNode target) {
        Names.entry(name);
        if (target.isDirectory()) {
            throw new FsException(Errno.EPERM, "hard link to a directory");
        }
        if (linkByEmptyPath) {
            try {
                Syscalls.linkat(target.fd(), "", dir.fd(), name, AT_EMPTY_PATH);
                return;
            } catch (FsException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
            }
        }
        // Following the magic link reaches the inode itself, a symlink included; it is not followed further.
        Syscalls.linkat(AT_FDCWD, target.procPath(), dir.fd(), name, AT_SYMLINK_FOLLOW);
        linkByEmptyPath = false;
    }

    /**
     * Removes {@code dir/name} if it is still {@code node}: undoes a creation whose ownership could not be set,
     * so no file is left behind with the wrong owner. A failure here leaves the original error to be reported.
     */
    void discard(LocalNode dir, String name, LocalNode node) {
        try {
            if (node.sameFile(Syscalls.statx(dir.fd(), name, Linux.AT_SYMLINK_NOFOLLOW))) {
                Syscalls.unlinkat(dir.fd(), name, node.isDirectory() ? Linux.AT_REMOVEDIR : 0);
            }
        } catch (FsException ignored) {
            // The caller throws the error that made the creation fail; this one is secondary.
        }
    }

    /**
     * Opens what was just made and gives it to {@code who}. Someone could swap the name in the instant between
     * making and opening; a different type betrays that, and the swapped-in file is then not chowned.
     */
    private LocalNode claim(LocalNode dir, String name, FileType made, Identity who, int permissions) {
        LocalNode.Examined opened = LocalNode.adoptExamined(beneath.open(dir.fd(), name, O_PATH, 0));
        LocalNode node = opened.node();
        try {
            if (node.type() != made) {
                throw new FsException(Errno.ESTALE, "the new entry was replaced before it could be opened");
            }
            ownership.claim(node, opened.stat(), who, permissions);
            return node;
        } catch (RuntimeException e) {
            if (e instanceof FsException fe && fe.errno() != Errno.ESTALE) {
                discard(dir, name, node);
            }
            node.close();
            throw e;
        }
    }
}
