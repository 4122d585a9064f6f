package io.ninep.fs.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

import io.ninep.fs.DirentSink;
import io.ninep.fs.FileId;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

/**
 * Lists one open directory with lseek + getdents64. A cookie is the file system's own {@code d_off}, which stays
 * valid across calls and reopens on ext4, xfs, btrfs and tmpfs (LESSONS.md, traps: an index into a changing list
 * is not a cookie). The lock keeps one listing's lseek and getdents64 calls from interleaving with another's on
 * the same descriptor; it also guards the buffer.
 */
final class DirectoryCursor {
    private static final int BUFFER_SIZE = 16384;
    private static final int DT_UNKNOWN = 0;
    /** {@code struct linux_dirent64}: u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type, then the name. */
    private static final int NAME_OFFSET = 19;

    private final ReentrantLock lock = new ReentrantLock();
    private final long device;
    private final FileId parentOverride;
    private ByteBuffer buffer;

    /**
     * @param device         device key of the directory, for its entries' ids
     * @param parentOverride the id ".." must show instead of what the kernel reports, or null; the export root's
     *                       ".." would otherwise name a directory outside the export
     */
    DirectoryCursor(long device, FileId parentOverride) {
        this.device = device;
        this.parentOverride = parentOverride;
    }

    void list(int fd, long cookie, DirentSink sink) {
        lock.lock();
        try {
            if (buffer == null) {
                buffer = ByteBuffer.allocateDirect(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            }
            Syscalls.lseek(fd, cookie, Linux.SEEK_SET);
            int filled;
            while ((filled = Syscalls.getdents64(fd, buffer)) > 0) {
                if (!deliver(fd, filled, sink)) {
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Hands the entries in the first {@code filled} bytes to the sink; false when it refused one. */
    private boolean deliver(int fd, int filled, DirentSink sink) {
        for (int at = 0; at < filled; ) {
            int reclen = Short.toUnsignedInt(buffer.getShort(at + 16));
            String name = name(at, reclen);
            FileId id = id(fd, name, buffer.getLong(at), buffer.get(at + 18) & 0xff);
            if (id != null && !sink.accept(name, id, buffer.getLong(at + 8))) {
                return false;
            }
            at += reclen;
        }
        return true;
    }

    private String name(int at, int reclen) {
        int start = at + NAME_OFFSET;
        int end = start;
        while (end < at + reclen && buffer.get(end) != 0) {
            end++;
        }
        byte[] raw = new byte[end - start];
        buffer.get(start, raw);
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** The entry's id; null when the file system did not give its type and it vanished before statx could. */
    private FileId id(int fd, String name, long inode, int direntType) {
        if (parentOverride != null && name.equals("..")) {
            return parentOverride;
        }
        FileType type = direntType == DT_UNKNOWN ? statType(fd, name) : fromDirentType(direntType);
        return type == null ? null : FileIds.ofEntry(type, device, inode);
    }

    private static FileType statType(int fd, String name) {
        try {
            return FileIds.type(Syscalls.statx(fd, name, Linux.AT_SYMLINK_NOFOLLOW));
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return null;
            }
            throw e;
        }
    }

    private static FileType fromDirentType(int direntType) {
        for (FileType t : FileType.values()) {
            if (t.direntType() == direntType) {
                return t;
            }
        }
        throw new FsException(Errno.EIO, "unknown d_type " + direntType);
    }
}
