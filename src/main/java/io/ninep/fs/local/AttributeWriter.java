package io.ninep.fs.local;

import static io.ninep.fs.local.Linux.AT_EMPTY_PATH;
import static io.ninep.fs.local.Linux.AT_FDCWD;
import static io.ninep.fs.local.Linux.AT_SYMLINK_NOFOLLOW;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

/**
 * Applies a setattr to a node's O_PATH descriptor. Order: owner first (a chown clears set-id bits, which a mode
 * in the same request may set again), then mode, size, and times last (a truncate moves mtime, an explicit mtime
 * in the same request wins). Calls that refuse O_PATH descriptors (chmod, truncate) go through
 * {@code /proc/self/fd/N}.
 */
final class AttributeWriter {
    private static final int KEEP = -1;

    private AttributeWriter() {
    }

    static void apply(LocalNode node, AttributeChange change) {
        if (change.uid() != null || change.gid() != null) {
            Syscalls.fchownat(node.fd(), "", orKeep(change.uid()), orKeep(change.gid()),
                    AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
        }
        if (change.mode() != null) {
            // Linux keeps no mode on a symlink; fchmodat(AT_SYMLINK_NOFOLLOW) answers EOPNOTSUPP for one.
            if (node.type() == FileType.SYMLINK) {
                throw new FsException(Errno.EOPNOTSUPP, "chmod of a symlink");
            }
            Syscalls.fchmodat(AT_FDCWD, node.procPath(), change.mode() & 07777, 0);
        }
        if (change.size() != null) {
            Syscalls.truncate(node.procPath(), change.size());
        }
        if (change.atime() != null || change.mtime() != null) {
            long[] times = {0, Linux.UTIME_OMIT, 0, Linux.UTIME_OMIT};
            put(times, 0, change.atime());
            put(times, 2, change.mtime());
            utimens(node, times);
        } else if (change.touchCtime() && change.mode() == null && change.uid() == null && change.gid() == null
                && change.size() == null) {
            touchCtime(node);
        }
    }

    private static int orKeep(Integer id) {
        return id == null ? KEEP : id;
    }

    private static void put(long[] times, int at, Timestamp t) {
        if (t == AttributeChange.NOW) {
            times[at + 1] = Linux.UTIME_NOW;
        } else if (t != null) {
            times[at] = t.seconds();
            times[at + 1] = t.nanos();
        }
    }

    /**
     * Linux updates ctime on every attribute change but has no call for ctime alone: utimensat with both times
     * omitted does nothing, and chown(-1, -1) would clear set-id bits. Setting atime to its own value does it.
     */
    private static void touchCtime(LocalNode node) {
        Timestamp atime = Syscalls.statx(node.fd(), "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW).atime();
        utimens(node, new long[] {atime.seconds(), atime.nanos(), 0, Linux.UTIME_OMIT});
    }

    private static void utimens(LocalNode node, long[] times) {
        Syscalls.utimensat(node.fd(), "", times, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
    }
}
