package io.ninep.fs;

/** A file's attributes, as {@code struct statx} gives them. {@code mode} always carries the type bits. */
public record Attributes(FileId id, int mode, int uid, int gid, long nlink, long rdev, long size,
                         long blksize, long blocks, Timestamp atime, Timestamp mtime, Timestamp ctime,
                         Timestamp btime, long generation) {

    public FileType type() {
        return id.type();
    }
}
