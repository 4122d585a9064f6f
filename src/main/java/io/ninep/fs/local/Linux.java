package io.ninep.fs.local;

/**
 * Linux constants for x86_64 (the values of {@code <fcntl.h>}, {@code <linux/openat2.h>} and
 * {@code <linux/stat.h>} there; several O_* bits differ on other architectures).
 */
final class Linux {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 01;
    static final int O_RDWR = 02;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_NOCTTY = 0400;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_NONBLOCK = 04000;
    static final int O_DSYNC = 010000;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOFOLLOW = 0400000;
    static final int O_NOATIME = 01000000;
    static final int O_CLOEXEC = 02000000;
    static final int O_SYNC = 04010000;
    static final int O_PATH = 010000000;

    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_REMOVEDIR = 0x200;
    static final int AT_SYMLINK_FOLLOW = 0x400;
    static final int AT_EMPTY_PATH = 0x1000;

    static final long RESOLVE_NO_MAGICLINKS = 0x02;
    static final long RESOLVE_NO_SYMLINKS = 0x04;
    static final long RESOLVE_BENEATH = 0x08;

    /** openat2(2): the same number on every architecture but alpha since Linux 5.6. */
    static final long SYS_OPENAT2 = 437;

    static final int STATX_BASIC_STATS = 0x7ff;
    static final int STATX_BTIME = 0x800;

    static final long UTIME_NOW = (1L << 30) - 1;
    static final long UTIME_OMIT = (1L << 30) - 2;

    static final int F_DUPFD_CLOEXEC = 1030;
    static final int SEEK_SET = 0;

    private Linux() {
    }

    /** glibc's {@code makedev}: the 64-bit dev_t encoding that stat reports and mknod takes. */
    static long makedev(long major, long minor) {
        major &= 0xffffffffL;
        minor &= 0xffffffffL;
        return ((major & 0xfffL) << 8) | ((major & 0xfffff000L) << 32)
                | (minor & 0xffL) | ((minor & 0xffffff00L) << 12);
    }
}
