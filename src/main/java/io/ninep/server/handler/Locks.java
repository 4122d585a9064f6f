package io.ninep.server.handler;

import io.ninep.fs.FileId;
import io.ninep.server.Exchange;
import io.ninep.server.Fid;
import io.ninep.server.lock.FileKey;
import io.ninep.server.lock.LockOwner;
import io.ninep.server.lock.LockType;
import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

/** What Tlock and Tgetlock share: the file's key in the shared table and the owner of a request. */
final class Locks {
    private Locks() {
    }

    /**
     * The file's identity, as on the host: two exports of one host directory share its locks, and each
     * memory file system has a device of its own.
     */
    static FileKey key(Fid fid) {
        FileId id = fid.node().id();
        return new FileKey(id.device(), id.inode());
    }

    static LockOwner owner(Exchange x, String clientId, int procId) {
        return new LockOwner(x.session().connectionId(), clientId, procId);
    }

    /** Offsets of 2^63 and above arrive negative: no file has such a range. */
    static void requireRange(long start, long length) {
        if (start < 0 || length < 0) {
            throw new FsException(Errno.EINVAL, "lock range beyond 2^63");
        }
    }

    static LockType type(int wire) {
        try {
            return LockType.fromWire(wire);
        } catch (IllegalArgumentException e) {
            throw new FsException(Errno.EINVAL, "lock type " + wire);
        }
    }
}
