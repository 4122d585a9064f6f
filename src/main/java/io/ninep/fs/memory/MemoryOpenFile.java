package io.ninep.fs.memory;

import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;

/** An open file or directory; like an open descriptor it keeps the inode alive until closed. */
final class MemoryOpenFile extends MemoryHandle implements OpenFile {
    private final OpenMode mode;

    /** The caller has already counted this handle in {@code inode.refs}. */
    MemoryOpenFile(Tree tree, Inode inode, OpenMode mode) {
        super(tree, inode);
        this.mode = mode;
    }

    @Override
    public OpenMode mode() {
        return mode;
    }

    @Override
    public String toString() {
        return "MemoryOpenFile[inode " + inode.number + ", " + mode.access() + (closed() ? ", closed]" : "]");
    }
}
