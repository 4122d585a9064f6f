package io.ninep.fs.memory;

import io.ninep.fs.FileType;
import io.ninep.fs.Timestamp;

import java.nio.charset.StandardCharsets;

/** A symbolic link: its target is fixed at creation; the target's bytes are charged to the budget. */
final class SymlinkInode extends Inode {
    /** Permissions of a symlink are always 0777 on Linux and never consulted. */
    private static final int PERMISSIONS = 0777;

    final String target;
    private final long targetBytes;

    SymlinkInode(long device, long number, String target, int uid, int gid, Timestamp now) {
        super(device, number, FileType.SYMLINK, PERMISSIONS, uid, gid, now);
        this.target = target;
        this.targetBytes = byteLength(target);
    }

    static long byteLength(String target) {
        return target.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    long size() {
        return targetBytes;
    }

    @Override
    void releaseContent(Budget budget) {
        budget.releaseBytes(targetBytes);
    }
}
