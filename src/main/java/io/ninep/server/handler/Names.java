package io.ninep.server.handler;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

/** Checks on the single path components clients send; a name is never a path (LESSONS.md traps). */
final class Names {
    private static final int NAME_MAX = 255;

    private Names() {
    }

    /** Any component: not empty, no '/', no NUL, at most 255 bytes. */
    static String component(String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new FsException(Errno.EINVAL, "invalid name");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > NAME_MAX) {
            throw new FsException(Errno.ENAMETOOLONG, "name longer than 255 bytes");
        }
        return name;
    }

    /** A name to create: "." and ".." always exist (mkdir(2) answers EEXIST). */
    static String forCreate(String name) {
        component(name);
        if (name.equals(".") || name.equals("..")) {
            throw new FsException(Errno.EEXIST, name);
        }
        return name;
    }

    /** A name to unlink or rename: "." and ".." cannot be (rmdir(2): EINVAL for ".", ENOTEMPTY for ".."). */
    static String forRemove(String name) {
        component(name);
        if (name.equals(".")) {
            throw new FsException(Errno.EINVAL, name);
        }
        if (name.equals("..")) {
            throw new FsException(Errno.ENOTEMPTY, name);
        }
        return name;
    }

    /** rename(2) of "." or "..": EBUSY. */
    static String forRename(String name) {
        component(name);
        if (name.equals(".") || name.equals("..")) {
            throw new FsException(Errno.EBUSY, name);
        }
        return name;
    }

    /** The display path of {@code name} under {@code parent}, for the admin API. */
    static String child(String parent, String name) {
        if (name.equals(".")) {
            return parent;
        }
        if (name.equals("..")) {
            int slash = parent.lastIndexOf('/');
            return slash <= 0 ? "/" : parent.substring(0, slash);
        }
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }
}
