package io.ninep.fs.memory;

import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

/**
 * rename(2) under the exclusive namespace lock. The moved {@link Link} keeps its identity, so every handle
 * reached through it follows to the new name (and gets a new readdir cookie in the target directory).
 */
final class Renaming {
    private final Tree tree;

    Renaming(Tree tree) {
        this.tree = tree;
    }

    void renameat(DirectoryInode oldDir, String oldName, DirectoryInode newDir, String newName) {
        checkName(oldName);
        checkName(newName);
        tree.exclusiveDo(() -> {
            oldDir.checkLive();
            move(Tree.existing(oldDir, oldName), newDir, newName);
        });
    }

    /** Renames through the name {@code node} was reached by, wherever renames have since taken it. */
    void rename(MemoryNode node, DirectoryInode newDir, String newName) {
        Link link = Tree.nameOf(node);
        checkName(newName);
        tree.exclusiveDo(() -> {
            Tree.checkAttached(link);
            move(link, newDir, newName);
        });
    }

    /**
     * POSIX rules: onto another name of the same inode is a no-op; an existing target must be of the same
     * kind (an empty directory for a directory) and goes away; a directory never moves into its own subtree.
     */
    private void move(Link link, DirectoryInode newDir, String newName) {
        newDir.checkLive();
        Inode moving = link.inode;
        if (moving instanceof DirectoryInode && isWithin(newDir, (DirectoryInode) moving)) {
            throw new FsException(Errno.EINVAL, "directory moved into its own subtree");
        }
        Link replaced = newDir.lookup(newName);
        if (replaced != null && replaced.inode == moving) {
            return;
        }
        if (replaced != null) {
            checkReplaceable(moving, replaced.inode);
        }
        Timestamp now = Timestamp.now();
        DirectoryInode oldDir = link.dir;
        if (replaced != null) {
            tree.unlink(replaced, now);
        }
        oldDir.detach(link);
        newDir.attach(link, newName);
        moving.touchChange(now);
        oldDir.touchContent(now);
        if (newDir != oldDir) {
            newDir.touchContent(now);
        }
    }

    private static void checkReplaceable(Inode moving, Inode target) {
        boolean fromDirectory = moving.type == FileType.DIRECTORY;
        boolean toDirectory = target.type == FileType.DIRECTORY;
        if (fromDirectory && !toDirectory) {
            throw new FsException(Errno.ENOTDIR, "cannot replace a non-directory with a directory");
        }
        if (!fromDirectory && toDirectory) {
            throw new FsException(Errno.EISDIR, "cannot replace a directory with a non-directory");
        }
        Tree.checkRemovable(target);
    }

    private static boolean isWithin(DirectoryInode dir, DirectoryInode ancestor) {
        for (DirectoryInode d = dir; ; d = d.parent()) {
            if (d == ancestor) {
                return true;
            }
            if (d.self == null) {
                return false;
            }
        }
    }

    /** rename(2) of or onto "." or ".." is EBUSY on Linux. */
    private static void checkName(String name) {
        if (Names.DOTDOT.equals(name)) {
            throw new FsException(Errno.EBUSY, "cannot rename ..");
        }
        Names.check(name);
    }
}
