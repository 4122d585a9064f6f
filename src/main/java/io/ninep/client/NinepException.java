package io.ninep.client;

import io.ninep.posix.Errno;

/** The server answered a request with Rlerror. */
public final class NinepException extends RuntimeException {
    private final int errno;

    public NinepException(String operation, int errno) {
        super(operation + ": " + nameOf(errno) + " (" + errno + ")");
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** The Linux name of the errno (ENOENT...), or "errno N" for a value not in {@link Errno}. */
    public String errnoName() {
        return nameOf(errno);
    }

    private static String nameOf(int errno) {
        return Errno.of(errno).map(Enum::name).orElse("errno " + errno);
    }
}
