package io.ninep.fs.memory;

/**
 * One directory entry: the name {@code name} in {@code dir} for {@code inode}, listed at {@code cookie}.
 * A handle keeps the Link it was reached through; a rename moves the Link itself (new directory, name and
 * cookie), so the handle follows it, and an unlink detaches it ({@code dir} becomes null), so a later remove
 * or rename through that handle finds its name gone. The mutable fields are guarded by the namespace lock.
 */
final class Link {
    final Inode inode;
    DirectoryInode dir;
    String name;
    long cookie;

    Link(Inode inode) {
        this.inode = inode;
    }

    boolean attached() {
        return dir != null;
    }
}
