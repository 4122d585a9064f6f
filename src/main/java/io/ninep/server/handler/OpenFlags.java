package io.ninep.server.handler;

import io.ninep.fs.FsException;
import io.ninep.fs.OpenMode;
import io.ninep.posix.Errno;

/**
 * Translates the wire's Linux generic O_* flags to an {@link OpenMode} bit by bit (PROTOCOL.md: never pass
 * them to open(2) raw). Flags that only matter to the client (NOCTTY, NONBLOCK, LARGEFILE, CLOEXEC, FASYNC,
 * NOFOLLOW, CREAT in Tlopen) are dropped: the server never follows symlinks and never blocks on a file.
 */
final class OpenFlags {
    static final int O_ACCMODE = 03;
    static final int O_WRONLY = 01;
    static final int O_RDWR = 02;
    static final int O_EXCL = 0200;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_DSYNC = 010000;
    static final int O_DIRECT = 040000;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOATIME = 01000000;
    /** __O_SYNC; O_SYNC on the wire is __O_SYNC | O_DSYNC. */
    static final int O_SYNC = 04000000;

    private OpenFlags() {
    }

    static OpenMode toMode(int flags) {
        OpenMode.Access access;
        switch (flags & O_ACCMODE) {
            case 0:
                access = OpenMode.Access.READ;
                break;
            case O_WRONLY:
                access = OpenMode.Access.WRITE;
                break;
            case O_RDWR:
                access = OpenMode.Access.READ_WRITE;
                break;
            default:
                throw new FsException(Errno.EINVAL, "invalid access mode");
        }
        return new OpenMode(access, has(flags, O_APPEND), has(flags, O_TRUNC), has(flags, O_EXCL),
                has(flags, O_SYNC), has(flags, O_DSYNC), has(flags, O_DIRECTORY), has(flags, O_NOATIME),
                has(flags, O_DIRECT));
    }

    private static boolean has(int flags, int bit) {
        return (flags & bit) != 0;
    }
}
