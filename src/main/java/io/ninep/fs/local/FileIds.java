package io.ninep.fs.local;

import io.ninep.fs.Attributes;
import io.ninep.fs.FileId;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

/** Turns {@code statx} results into the SPI's {@link FileId} and {@link Attributes}. */
final class FileIds {
    private FileIds() {
    }

    /**
     * The device half of a file's identity: the raw st_dev, in glibc's makedev encoding. It is not stable across
     * remounts (LESSONS.md §3); {@code io.ninep.export.qid} turns it into a stable identity (the mount point inside
     * the export, matched by /proc/self/mountinfo's major:minor) before it becomes part of a qid.
     */
    static long deviceKey(Statx st) {
        return st.dev();
    }

    /**
     * A content version (qid.version): changes when a write or truncate moves mtime or size, stays put on
     * chmod and chown, which change only ctime (PROTOCOL.md, trap 1).
     */
    static long version(Statx st) {
        return st.mtime().seconds() * 1_000_000_007L ^ st.mtime().nanos() ^ st.size();
    }

    static FileType type(Statx st) {
        FileType type = st.type();
        if (type == null) {
            throw new FsException(Errno.EIO, "unknown file type in mode 0" + Integer.toOctalString(st.mode()));
        }
        return type;
    }

    static FileId of(Statx st) {
        return new FileId(type(st), deviceKey(st), st.ino(), version(st));
    }

    /** Directory entries carry no version: getdents64 gives no mtime (the SPI allows 0). */
    static FileId ofEntry(FileType type, long device, long inode) {
        return new FileId(type, device, inode, 0);
    }

    /** All BASIC fields plus btime (the epoch when the file system keeps none); no generation number. */
    static Attributes attributes(Statx st) {
        Timestamp btime = st.hasBtime() ? st.btime() : Timestamp.EPOCH;
        return new Attributes(of(st), st.mode(), st.uid(), st.gid(), Integer.toUnsignedLong(st.nlink()), st.rdev(),
                st.size(), Integer.toUnsignedLong(st.blksize()), st.blocks(), st.atime(), st.mtime(), st.ctime(),
                btime, 0);
    }
}
