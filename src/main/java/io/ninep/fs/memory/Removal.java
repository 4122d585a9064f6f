package io.ninep.fs.memory;

import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

/** unlinkat and remove, under the exclusive namespace lock; open handles keep the inode (open-unlink-fstat). */
final class Removal {
    private final Tree tree;

    Removal(Tree tree) {
        this.tree = tree;
    }

    /** {@code directory} is AT_REMOVEDIR: rmdir(2) rules, else unlink(2) rules, with Linux's errno for "..". */
    void unlinkat(DirectoryInode dir, String name, boolean directory) {
        if (Names.DOTDOT.equals(name)) {
            throw new FsException(directory ? Errno.ENOTEMPTY : Errno.EISDIR, "cannot remove ..");
        }
        Names.check(name);
        tree.exclusiveDo(() -> {
            dir.checkLive();
            Link link = Tree.existing(dir, name);
            boolean isDirectory = link.inode.type == FileType.DIRECTORY;
            if (directory && !isDirectory) {
                throw new FsException(Errno.ENOTDIR, name + " is not a directory");
            }
            if (!directory && isDirectory) {
                throw new FsException(Errno.EISDIR, name + " is a directory");
            }
            Tree.checkRemovable(link.inode);
            tree.unlink(link, Timestamp.now());
        });
    }

    /** Removes the name {@code node} was reached through (a directory only when empty). */
    void remove(MemoryNode node) {
        Link link = Tree.nameOf(node);
        tree.exclusiveDo(() -> {
            Tree.checkAttached(link);
            Tree.checkRemovable(link.inode);
            tree.unlink(link, Timestamp.now());
        });
    }
}
