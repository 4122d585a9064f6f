package io.ninep.fs.memory;

import io.ninep.fs.FileId;
import io.ninep.fs.Node;

/**
 * A handle on an inode, not on a path: it keeps the inode alive (one handle reference) and the {@link Link}
 * it was reached through, which renames move and unlinks detach, so remove and rename act on the right name.
 * The root's handle has no link.
 */
final class MemoryNode extends MemoryHandle implements Node {
    final Link link;
    private final FileId id;

    /** The caller has already counted this handle in {@code inode.refs}. */
    MemoryNode(Tree tree, Inode inode, Link link) {
        super(tree, inode);
        this.link = link;
        this.id = inode.id();
    }

    @Override
    public FileId id() {
        return id;
    }

    @Override
    public String toString() {
        return "MemoryNode[inode " + inode.number + (closed() ? ", closed]" : "]");
    }
}
