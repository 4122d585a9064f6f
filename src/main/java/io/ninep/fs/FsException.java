package io.ninep.fs;

import io.ninep.posix.Errno;

/** A file-system operation failed with a Linux errno. Backends throw only this (or let I/O errors escape). */
public class FsException extends RuntimeException {
    private final Errno errno;

    public FsException(Errno errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }

    public FsException(Errno errno) {
        this(errno, errno.name());
    }

    public Errno errno() {
        return errno;
    }
}
