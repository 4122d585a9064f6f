package io.ninep.fs.memory;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

import java.nio.charset.StandardCharsets;

/** Checks one path component the way Linux does before it looks the name up. */
final class Names {
    /** NAME_MAX: the longest name in bytes of UTF-8. */
    static final int NAME_MAX = 255;
    static final String DOTDOT = "..";

    private Names() {
    }

    /**
     * Accepts an ordinary entry name. Callers give ".." its own meaning first; here it and "." are refused,
     * as are the characters no component can hold.
     */
    static void check(String name) {
        if (name == null || name.isEmpty()) {
            throw new FsException(Errno.ENOENT, "empty name");
        }
        if (name.equals(".") || name.equals(DOTDOT) || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new FsException(Errno.EINVAL, "not an entry name: " + name);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
            throw new FsException(Errno.ENAMETOOLONG, "name longer than " + NAME_MAX + " bytes");
        }
    }
}
