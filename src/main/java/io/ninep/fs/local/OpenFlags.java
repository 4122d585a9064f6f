package io.ninep.fs.local;

import io.ninep.fs.OpenMode;

/**
 * Turns an {@link OpenMode} into open(2) flags. O_DIRECT is left out on purpose: it demands buffers and offsets
 * aligned to the device's block size, which neither the server's buffers nor a client's offsets are, so every
 * read and write would fail with EINVAL; the client's own page cache is what the flag is about.
 */
final class OpenFlags {
    private OpenFlags() {
    }

    static int of(OpenMode mode) {
        int flags = switch (mode.access()) {
            case READ -> Linux.O_RDONLY;
            case WRITE -> Linux.O_WRONLY;
            case READ_WRITE -> Linux.O_RDWR;
        };
        flags |= mode.append() ? Linux.O_APPEND : 0;
        flags |= mode.truncate() ? Linux.O_TRUNC : 0;
        flags |= mode.sync() ? Linux.O_SYNC : 0;
        flags |= mode.dataSync() ? Linux.O_DSYNC : 0;
        flags |= mode.directory() ? Linux.O_DIRECTORY : 0;
        flags |= mode.noAtime() ? Linux.O_NOATIME : 0;
        return flags;
    }
}
