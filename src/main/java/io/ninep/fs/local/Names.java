package io.ninep.fs.local;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

/**
 * Checks that a name is one path component. The server validates names too; the backend checks again because a
 * name with '/' handed to an *at call would be a path (LESSONS.md, traps: names that escape the export).
 */
final class Names {
    private Names() {
    }

    /** A name for walk: one component, ".." allowed (walk keeps it inside the export). */
    static String walkable(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw new FsException(Errno.EINVAL, "not a single path component");
        }
        return name;
    }

    /**
     * A name that is created, removed or renamed: also not "..", which names no entry of its own in a
     * directory (the kernel would answer EEXIST, EBUSY or ENOTEMPTY depending on the call).
     */
    static String entry(String name) {
        walkable(name);
        if (name.equals("..")) {
            throw new FsException(Errno.EINVAL, "'..' is not an entry");
        }
        return name;
    }
}
