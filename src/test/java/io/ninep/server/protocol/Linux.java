package io.ninep.server.protocol;

/** The Linux ABI values 9P2000.L carries (PROTOCOL.md "Bits"), for building requests in tests. */
final class Linux {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 01;
    static final int O_RDWR = 02;
    static final int O_EXCL = 0200;
    static final int O_TRUNC = 01000;
    static final int O_APPEND = 02000;
    static final int O_CREAT = 0100;
    static final int O_NONBLOCK = 04000;
    static final int O_LARGEFILE = 0100000;
    static final int O_DIRECTORY = 0200000;
    static final int O_CLOEXEC = 02000000;

    static final int AT_REMOVEDIR = 0x200;

    static final int S_IFMT = 0170000;
    static final int S_IFIFO = 0010000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int S_IFLNK = 0120000;

    static final int SETATTR_MODE = 0x1;
    static final int SETATTR_UID = 0x2;
    static final int SETATTR_GID = 0x4;
    static final int SETATTR_SIZE = 0x8;
    static final int SETATTR_ATIME = 0x10;
    static final int SETATTR_MTIME = 0x20;
    static final int SETATTR_ATIME_SET = 0x80;
    static final int SETATTR_MTIME_SET = 0x100;

    static final int LOCK_RDLCK = 0;
    static final int LOCK_WRLCK = 1;
    static final int LOCK_UNLCK = 2;
    static final int LOCK_SUCCESS = 0;
    static final int LOCK_BLOCKED = 1;

    private Linux() {
    }
}
