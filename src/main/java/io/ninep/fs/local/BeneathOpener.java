package io.ninep.fs.local;

import static io.ninep.fs.local.Linux.O_DIRECTORY;
import static io.ninep.fs.local.Linux.O_NOFOLLOW;
import static io.ninep.fs.local.Linux.O_PATH;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

/**
 * Opens a relative path below a held directory descriptor without ever following a symlink or leaving that
 * directory (LESSONS.md, traps: a symlink swapped in between check and use defeats any check on a path string).
 * Uses openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS; on kernels without openat2
 * (before 5.6, or a seccomp filter that hides it) it walks one component at a time with
 * openat(O_PATH | O_NOFOLLOW), refusing "..", which gives the same guarantee.
 */
final class BeneathOpener {
    private static final long RESOLVE = Linux.RESOLVE_BENEATH | Linux.RESOLVE_NO_SYMLINKS
            | Linux.RESOLVE_NO_MAGICLINKS;

    private volatile boolean useOpenat2;

    BeneathOpener(boolean useOpenat2) {
        this.useOpenat2 = useOpenat2;
    }

    boolean usesOpenat2() {
        return useOpenat2;
    }

    /**
     * Switches to the fallback when openat2 is missing: ENOSYS from an old kernel, EPERM from a container's
     * seccomp profile written before openat2 existed.
     */
    void probe(int dirfd) {
        if (!useOpenat2) {
            return;
        }
        try {
            Syscalls.close(Syscalls.openat2(dirfd, ".", O_PATH | O_DIRECTORY, 0, RESOLVE));
        } catch (FsException e) {
            if (e.errno() != Errno.ENOSYS && e.errno() != Errno.EPERM) {
                throw e;
            }
            useOpenat2 = false;
        }
    }

    /**
     * Opens {@code path} (one or more components separated by '/') relative to {@code dirfd}. {@code flags} get
     * O_NOFOLLOW: with O_PATH a final symlink is opened itself, otherwise it fails with ELOOP.
     */
    int open(int dirfd, String path, int flags, int mode) {
        int f = flags | O_NOFOLLOW;
        if (useOpenat2) {
            try {
                return Syscalls.openat2(dirfd, path, f, mode, RESOLVE);
            } catch (FsException e) {
                // The probe already caught a missing openat2; an EPERM here is a real answer, ENOSYS is not.
                if (e.errno() != Errno.ENOSYS) {
                    throw e;
                }
                useOpenat2 = false;
            }
        }
        return openByComponents(dirfd, path, f, mode);
    }

    private static int openByComponents(int dirfd, String path, int flags, int mode) {
        String[] parts = path.split("/", -1);
        int current = dirfd;
        try {
            for (int i = 0; i < parts.length - 1; i++) {
                int next = Syscalls.openat(current, component(parts[i]), O_PATH | O_DIRECTORY | O_NOFOLLOW, 0);
                closeOwned(current, dirfd);
                current = next;
            }
            return Syscalls.openat(current, component(parts[parts.length - 1]), flags, mode);
        } finally {
            closeOwned(current, dirfd);
        }
    }

    /** RESOLVE_BENEATH refuses ".." that would climb above the start with EXDEV; this walk refuses any. */
    private static String component(String part) {
        if (part.equals("..")) {
            throw new FsException(Errno.EXDEV, "'..' in a path resolved beneath a directory");
        }
        return part.isEmpty() ? "." : part;
    }

    private static void closeOwned(int fd, int borrowed) {
        if (fd != borrowed) {
            Syscalls.close(fd);
        }
    }
}
