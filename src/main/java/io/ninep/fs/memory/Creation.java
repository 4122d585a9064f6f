package io.ninep.fs.memory;

import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Identity;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

/**
 * New names: create, mkdir, symlink, mknod and link, each under the exclusive namespace lock. New files are
 * owned by the caller's identity, except that a set-group-ID directory hands down its group (Linux
 * inode_init_owner); the client applies the umask before the request arrives.
 */
final class Creation {
    /** PATH_MAX less the NUL: the longest symlink target Linux stores. */
    static final int SYMLINK_MAX = 4095;

    private final Tree tree;

    Creation(Tree tree) {
        this.tree = tree;
    }

    /** Like O_CREAT: an existing non-directory is returned for opening unless {@code exclusive}. */
    MemoryNode create(DirectoryInode dir, String name, boolean exclusive, int permissions, Identity who) {
        if (Names.DOTDOT.equals(name)) {
            throw new FsException(Errno.EISDIR, "cannot create ..");
        }
        Names.check(name);
        return tree.exclusive(() -> {
            dir.checkLive();
            Link link = dir.lookup(name);
            if (link == null) {
                int gid = dir.groupForChild(who.gid());
                return add(dir, name, (number, now) -> new RegularInode(tree.device, number, permissions, who.uid(), gid, now));
            }
            if (exclusive) {
                throw new FsException(Errno.EEXIST, name + " exists");
            }
            if (link.inode.type == FileType.DIRECTORY) {
                throw new FsException(Errno.EISDIR, name + " is a directory");
            }
            return tree.handle(link.inode, link);
        });
    }

    /** A set-group-ID parent passes down the set-group-ID bit as well as its group. */
    MemoryNode mkdir(DirectoryInode dir, String name, int permissions, Identity who) {
        checkNewName(name);
        return tree.exclusive(() -> {
            int gid = dir.groupForChild(who.gid());
            int bits = dir.setGroupId() ? permissions | Inode.S_ISGID : permissions;
            return add(dir, name, (number, now) -> new DirectoryInode(tree.device, number, bits, who.uid(), gid, now));
        });
    }

    MemoryNode symlink(DirectoryInode dir, String name, String target, Identity who) {
        checkNewName(name);
        long cost = SymlinkInode.byteLength(target);
        if (cost == 0) {
            throw new FsException(Errno.ENOENT, "empty symlink target");
        }
        if (cost > SYMLINK_MAX) {
            throw new FsException(Errno.ENAMETOOLONG, "symlink target of " + cost + " bytes");
        }
        return tree.exclusive(() -> {
            int gid = dir.groupForChild(who.gid());
            return add(dir, name, (number, now) -> {
                if (!tree.budget.reserveBytes(cost)) {
                    throw new FsException(Errno.ENOSPC, "no room for a symlink target");
                }
                return new SymlinkInode(tree.device, number, target, who.uid(), gid, now);
            });
        });
    }

    /** {@code type} is REGULAR (mknod of S_IFREG or of no type makes a plain file), a device, fifo or socket. */
    MemoryNode mknod(DirectoryInode dir, String name, FileType type, int permissions, long rdev, Identity who) {
        checkNewName(name);
        return tree.exclusive(() -> {
            int gid = dir.groupForChild(who.gid());
            return add(dir, name, (number, now) -> type == FileType.REGULAR
                    ? new RegularInode(tree.device, number, permissions, who.uid(), gid, now)
                    : new SpecialInode(tree.device, number, type, permissions, rdev, who.uid(), gid, now));
        });
    }

    void link(DirectoryInode dir, String name, Inode target) {
        if (target.type == FileType.DIRECTORY) {
            throw new FsException(Errno.EPERM, "hard link to a directory");
        }
        checkNewName(name);
        tree.exclusiveDo(() -> {
            checkVacant(dir, name);
            // Linux gives no new name to a file whose last one is gone (short of O_TMPFILE).
            if (target.refs.links() == 0) {
                throw new FsException(Errno.ENOENT, "file was unlinked");
            }
            Link link = new Link(target);
            dir.attach(link, name);
            target.refs.addLink();
            Timestamp now = Timestamp.now();
            target.touchChange(now);
            dir.touchContent(now);
        });
    }

    /** Makes the inode and its first name; the caller holds the exclusive lock. */
    private MemoryNode add(DirectoryInode dir, String name, InodeFactory factory) {
        checkVacant(dir, name);
        tree.budget.reserveInode();
        Timestamp now = Timestamp.now();
        Inode inode;
        try {
            inode = factory.make(tree.nextInodeNumber(), now);
        } catch (RuntimeException e) {
            tree.budget.releaseInode();
            throw e;
        }
        Link link = new Link(inode);
        dir.attach(link, name);
        inode.refs.addLink();
        if (inode instanceof DirectoryInode) {
            ((DirectoryInode) inode).self = link;
        }
        dir.touchContent(now);
        return tree.handle(inode, link);
    }

    private static void checkVacant(DirectoryInode dir, String name) {
        dir.checkLive();
        if (dir.lookup(name) != null) {
            throw new FsException(Errno.EEXIST, name + " exists");
        }
    }

    /** ".." exists in every directory, so a new entry by that name is EEXIST, as mkdir(2) answers. */
    private static void checkNewName(String name) {
        if (Names.DOTDOT.equals(name)) {
            throw new FsException(Errno.EEXIST, ".. exists");
        }
        Names.check(name);
    }

    @FunctionalInterface
    private interface InodeFactory {
        Inode make(long number, Timestamp now);
    }
}
