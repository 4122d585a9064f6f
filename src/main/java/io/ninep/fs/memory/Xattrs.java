package io.ninep.fs.memory;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended attributes of one inode, in any namespace, with Linux's limits: names of 1 to 255 bytes
 * (XATTR_NAME_MAX, else ERANGE), values up to 64 KiB (XATTR_SIZE_MAX, else E2BIG), a name list up to 64 KiB
 * (XATTR_LIST_MAX, else E2BIG). Names and values are charged to the budget. Guarded by the owning inode's lock.
 */
final class Xattrs {
    static final int XATTR_CREATE = 1;
    static final int XATTR_REPLACE = 2;
    static final int NAME_MAX = 255;
    static final int SIZE_MAX = 64 * 1024;
    static final int LIST_MAX = 64 * 1024;

    private final Map<String, byte[]> values = new LinkedHashMap<>();
    private long charged;

    byte[] get(String name) {
        checkName(name);
        byte[] value = values.get(name);
        if (value == null) {
            throw new FsException(Errno.ENODATA, "no xattr " + name);
        }
        return value.clone();
    }

    List<String> names() {
        long listed = 0;
        for (String name : values.keySet()) {
            listed += nameBytes(name) + 1;
        }
        if (listed > LIST_MAX) {
            throw new FsException(Errno.E2BIG, "xattr name list of " + listed + " bytes");
        }
        return new ArrayList<>(values.keySet());
    }

    void set(String name, byte[] value, int flags, Budget budget) {
        checkName(name);
        if ((flags & ~(XATTR_CREATE | XATTR_REPLACE)) != 0) {
            throw new FsException(Errno.EINVAL, "xattr flags " + flags);
        }
        if (value.length > SIZE_MAX) {
            throw new FsException(Errno.E2BIG, "xattr value of " + value.length + " bytes");
        }
        byte[] old = values.get(name);
        if (old != null && (flags & XATTR_CREATE) != 0) {
            throw new FsException(Errno.EEXIST, "xattr " + name + " exists");
        }
        if (old == null && (flags & XATTR_REPLACE) != 0) {
            throw new FsException(Errno.ENODATA, "no xattr " + name);
        }
        long cost = old == null ? nameBytes(name) + value.length : value.length - old.length;
        if (cost > 0 && !budget.reserveBytes(cost)) {
            throw new FsException(Errno.ENOSPC, "no room for xattr " + name);
        }
        if (cost < 0) {
            budget.releaseBytes(-cost);
        }
        charged += cost;
        values.put(name, value.clone());
    }

    void remove(String name, Budget budget) {
        checkName(name);
        byte[] old = values.remove(name);
        if (old == null) {
            throw new FsException(Errno.ENODATA, "no xattr " + name);
        }
        long freed = nameBytes(name) + old.length;
        charged -= freed;
        budget.releaseBytes(freed);
    }

    void free(Budget budget) {
        budget.releaseBytes(charged);
        charged = 0;
        values.clear();
    }

    private static void checkName(String name) {
        int length = nameBytes(name);
        if (length == 0 || length > NAME_MAX) {
            throw new FsException(Errno.ERANGE, "xattr name of " + length + " bytes");
        }
    }

    private static int nameBytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }
}
