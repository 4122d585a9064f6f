package io.ninep.fs.local;

import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Identity;
import io.ninep.posix.Errno;

/**
 * Owner and permissions of a file the server creates. Running as root, it belongs to the client's uid and the
 * gid the create names. Running unprivileged, Linux lets the server give files away only to itself and its own
 * groups; the kernel's EPERM for anything else is accepted and the file keeps the server's uid (and its default
 * group). Permissions are the client's exactly: the client already applied its umask, so the server's must not
 * strip bits again, and a chown as root clears set-id bits that the requested mode may carry.
 */
final class Ownership {
    /** The permissions of a symlink, which has no mode of its own to set. */
    static final int NO_MODE = -1;

    private final boolean privileged = Syscalls.geteuid() == 0;

    /** @param created the file's statx right after it was made */
    void claim(LocalNode node, Statx created, Identity who, int permissions) {
        Statx current = created;
        // A file that already has the wanted owner (the client is the server's own user) is left alone.
        if (created.uid() != who.uid() || created.gid() != who.gid()) {
            try {
                Syscalls.fchownat(node.fd(), "", who.uid(), who.gid(),
                        Linux.AT_EMPTY_PATH | Linux.AT_SYMLINK_NOFOLLOW);
                current = null;
            } catch (FsException e) {
                if (privileged || e.errno() != Errno.EPERM) {
                    throw e;
                }
            }
        }
        if (permissions != NO_MODE) {
            settleMode(node, current, permissions & 07777);
        }
    }

    /**
     * A directory keeps the set-group-ID bit it inherited from a set-group-ID parent, as mkdir(2) gives it.
     * {@code known} is null after a chown, which may have cleared set-id bits.
     */
    private static void settleMode(LocalNode node, Statx known, int permissions) {
        Statx st = known != null ? known
                : Syscalls.statx(node.fd(), "", Linux.AT_EMPTY_PATH | Linux.AT_SYMLINK_NOFOLLOW);
        int mode = st.mode() & 07777;
        int wanted = node.type() == FileType.DIRECTORY ? permissions | (mode & 02000) : permissions;
        if (mode != wanted) {
            Syscalls.fchmodat(Linux.AT_FDCWD, node.procPath(), wanted, 0);
        }
    }
}
