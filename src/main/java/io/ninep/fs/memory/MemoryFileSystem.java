package io.ninep.fs.memory;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.Attributes;
import io.ninep.fs.DirentSink;
import io.ninep.fs.FileSystem;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.FsStats;
import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.posix.Errno;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code memory} export: a complete Linux-style file system held in the heap, gone when the process ends.
 * It keeps the protocol tests deterministic and the backend interface honest (STYLE.md).
 * <ul>
 * <li>No permission checks: the server decides who may mount and with what access; every caller here is
 * trusted. The caller's {@link Identity} only owns what it creates.</li>
 * <li>Handles are on inodes, not paths: they follow renames and keep an unlinked file readable and writable
 * until the last one closes (open-unlink-fstat); memory goes with the last link and the last handle.
 * remove and rename through a handle whose name has since been unlinked or renamed over answer ENOENT,
 * what a path-based backend would say.</li>
 * <li>Symlinks are never followed (the client resolves them): opening one is ELOOP, as with O_NOFOLLOW.
 * Opening a device node is ENXIO (no driver stands behind it); a fifo or socket is EOPNOTSUPP (opening a
 * fifo would block a server thread until a peer came).</li>
 * <li>Times have nanosecond fields; atime is set at creation and by setattr only, as with noatime, so
 * concurrent reads of one file share its lock. Capacity bounds file pages, xattrs and symlink targets.</li>
 * </ul>
 * Locking: see {@link Tree} (the namespace) and {@link Inode} (per-file attributes and data).
 */
public final class MemoryFileSystem implements FileSystem {
    public static final long DEFAULT_CAPACITY = 1L << 30;
    static final long DEFAULT_INODE_LIMIT = 1L << 20;
    /** TMPFS_MAGIC: tools that look at f_type treat the export like tmpfs. */
    static final int TMPFS_MAGIC = 0x01021994;

    private final long fsid;
    private final Tree tree;
    private final Creation creation;
    private final Removal removal;
    private final Renaming renaming;

    public MemoryFileSystem(String name) {
        this(name, DEFAULT_CAPACITY);
    }

    /** @param capacityBytes the most file data (and xattrs and symlink targets) it holds; more is ENOSPC */
    public MemoryFileSystem(String name, long capacityBytes) {
        this(name, capacityBytes, DEFAULT_INODE_LIMIT);
    }

    MemoryFileSystem(String name, long capacityBytes, long inodeLimit) {
        this.fsid = fsid(name);
        this.tree = new Tree(new Budget(capacityBytes, inodeLimit), fsid);
        this.creation = new Creation(tree);
        this.removal = new Removal(tree);
        this.renaming = new Renaming(tree);
    }

    @Override
    public Node root() {
        tree.checkOpen();
        return tree.root();
    }

    @Override
    public Node walk(Node dir, String name) {
        return tree.walk(directory(dir), name);
    }

    @Override
    public Node duplicate(Node node) {
        return tree.duplicate(node(node));
    }

    @Override
    public Attributes getattr(Node node) {
        return tree.attributes(node(node).inode);
    }

    @Override
    public void setattr(Node node, AttributeChange change, Identity who) {
        node(node).inode.setattr(change, tree.budget);
    }

    @Override
    public OpenFile open(Node node, OpenMode mode, Identity who) {
        return open(node(node).inode, mode);
    }

    @Override
    public Created create(Node dir, String name, OpenMode mode, int permissions, Identity who) {
        DirectoryInode parent = directory(dir);
        if (mode.directory()) {
            throw new FsException(Errno.EINVAL, "O_CREAT with O_DIRECTORY");
        }
        MemoryNode created = creation.create(parent, name, mode.exclusive(), permissions, who);
        try {
            return new Created(created, open(created.inode, mode));
        } catch (FsException e) {
            created.close();
            throw e;
        }
    }

    @Override
    public Node mkdir(Node dir, String name, int permissions, Identity who) {
        return creation.mkdir(directory(dir), name, permissions, who);
    }

    @Override
    public Node symlink(Node dir, String name, String target, Identity who) {
        return creation.symlink(directory(dir), name, target, who);
    }

    /** Linux mknod: no type bits make a regular file, S_IFDIR is EPERM, S_IFLNK and unknown bits EINVAL. */
    @Override
    public Node mknod(Node dir, String name, int mode, int major, int minor, Identity who) {
        DirectoryInode parent = directory(dir);
        FileType type = (mode & FileType.S_IFMT) == 0 ? FileType.REGULAR : FileType.fromMode(mode);
        if (type == FileType.DIRECTORY) {
            throw new FsException(Errno.EPERM, "mknod of a directory");
        }
        if (type == null || type == FileType.SYMLINK) {
            throw new FsException(Errno.EINVAL, "mknod of mode " + Integer.toOctalString(mode));
        }
        boolean device = type == FileType.CHAR_DEVICE || type == FileType.BLOCK_DEVICE;
        long rdev = device ? SpecialInode.makedev(major, minor) : 0;
        return creation.mknod(parent, name, type, mode, rdev, who);
    }

    @Override
    public void link(Node dir, String name, Node target) {
        creation.link(directory(sameFileSystem(dir)), name, sameFileSystem(target).inode);
    }

    @Override
    public void renameat(Node oldDir, String oldName, Node newDir, String newName) {
        renaming.renameat(directory(sameFileSystem(oldDir)), oldName, directory(sameFileSystem(newDir)), newName);
    }

    @Override
    public void rename(Node node, Node newDir, String newName) {
        renaming.rename(sameFileSystem(node), directory(sameFileSystem(newDir)), newName);
    }

    @Override
    public void unlinkat(Node dir, String name, boolean directory) {
        removal.unlinkat(directory(dir), name, directory);
    }

    @Override
    public void remove(Node node) {
        removal.remove(node(node));
    }

    @Override
    public String readlink(Node node) {
        Inode inode = node(node).inode;
        if (!(inode instanceof SymlinkInode)) {
            throw new FsException(Errno.EINVAL, "not a symlink");
        }
        return ((SymlinkInode) inode).target;
    }

    /** Reading a directory as a file is EISDIR (read(2) on a directory descriptor), checked before access. */
    @Override
    public int read(OpenFile file, long offset, ByteBuffer dst) {
        MemoryOpenFile open = openFile(file);
        RegularInode regular = regular(open);
        if (!open.mode().readable()) {
            throw new FsException(Errno.EBADF, "not open for reading");
        }
        checkOffset(offset);
        return regular.read(offset, dst);
    }

    /** The offset is ignored in append mode, as pwrite(2) on an O_APPEND descriptor ignores it on Linux. */
    @Override
    public int write(OpenFile file, long offset, ByteBuffer src) {
        MemoryOpenFile open = openFile(file);
        RegularInode regular = regular(open);
        if (!open.mode().writable()) {
            throw new FsException(Errno.EBADF, "not open for writing");
        }
        boolean append = open.mode().append();
        if (!append) {
            checkOffset(offset);
        }
        return regular.write(offset, src, append, tree.budget);
    }

    @Override
    public void readdir(OpenFile dir, long cookie, DirentSink sink) {
        Inode inode = openFile(dir).inode;
        if (!(inode instanceof DirectoryInode)) {
            throw new FsException(Errno.ENOTDIR, "not a directory");
        }
        tree.readdir((DirectoryInode) inode, cookie, sink);
    }

    /** Nothing to flush: the data is already where it lives. */
    @Override
    public void fsync(OpenFile file, boolean dataOnly) {
        openFile(file);
    }

    @Override
    public FsStats statfs(Node node) {
        node(node);
        Budget budget = tree.budget;
        long free = Math.max(0, budget.capacityBytes() - budget.usedBytes()) / Inode.BLOCK_SIZE;
        return new FsStats(TMPFS_MAGIC, Inode.BLOCK_SIZE, budget.capacityBytes() / Inode.BLOCK_SIZE, free, free,
                budget.inodeLimit(), budget.inodeLimit() - budget.usedInodes(), fsid, Names.NAME_MAX);
    }

    @Override
    public byte[] getxattr(Node node, String name) {
        return node(node).inode.getxattr(name);
    }

    @Override
    public List<String> listxattr(Node node) {
        return node(node).inode.listxattr();
    }

    @Override
    public void setxattr(Node node, String name, byte[] value, int flags) {
        node(node).inode.setxattr(name, value, flags, tree.budget);
    }

    @Override
    public void removexattr(Node node, String name) {
        node(node).inode.removexattr(name, tree.budget);
    }

    /** Later calls fail with EIO; the memory goes with the last reference to this object. */
    @Override
    public void close() {
        tree.close();
    }

    /** Bytes of content held now (file pages, xattrs, symlink targets), for tests of freeing. */
    long usedBytes() {
        return tree.budget.usedBytes();
    }

    long usedInodes() {
        return tree.budget.usedInodes();
    }

    /** open(2) rules for each file type; O_TRUNC needs write permission on Linux, and none is enforced here. */
    private OpenFile open(Inode inode, OpenMode mode) {
        if (mode.directory() && inode.type != FileType.DIRECTORY) {
            throw new FsException(Errno.ENOTDIR, "not a directory");
        }
        switch (inode.type) {
            case DIRECTORY -> {
                if (mode.writable() || mode.truncate()) {
                    throw new FsException(Errno.EISDIR, "a directory opens for reading only");
                }
            }
            case REGULAR -> {
                if (mode.truncate()) {
                    ((RegularInode) inode).truncateOnOpen(tree.budget);
                }
            }
            case SYMLINK -> throw new FsException(Errno.ELOOP, "symlinks are not followed");
            case CHAR_DEVICE, BLOCK_DEVICE -> throw new FsException(Errno.ENXIO, "no device behind the node");
            case FIFO, SOCKET -> throw new FsException(Errno.EOPNOTSUPP, "cannot open a " + inode.type);
        }
        return tree.open(inode, mode);
    }

    private MemoryNode node(Node node) {
        tree.checkOpen();
        if (!(node instanceof MemoryNode) || ((MemoryNode) node).tree != tree) {
            throw new FsException(Errno.EBADF, "not a handle of this file system");
        }
        MemoryNode own = (MemoryNode) node;
        own.checkOpen();
        return own;
    }

    /** Linking or renaming across file systems is EXDEV, as across Linux mounts. */
    private MemoryNode sameFileSystem(Node node) {
        if (!(node instanceof MemoryNode) || ((MemoryNode) node).tree != tree) {
            throw new FsException(Errno.EXDEV, "handle of another file system");
        }
        return node(node);
    }

    private DirectoryInode directory(Node node) {
        Inode inode = node(node).inode;
        if (!(inode instanceof DirectoryInode)) {
            throw new FsException(Errno.ENOTDIR, "not a directory");
        }
        return (DirectoryInode) inode;
    }

    private MemoryOpenFile openFile(OpenFile file) {
        tree.checkOpen();
        if (!(file instanceof MemoryOpenFile) || ((MemoryOpenFile) file).tree != tree) {
            throw new FsException(Errno.EBADF, "not a file of this file system");
        }
        MemoryOpenFile own = (MemoryOpenFile) file;
        own.checkOpen();
        return own;
    }

    private static RegularInode regular(MemoryOpenFile file) {
        if (!(file.inode instanceof RegularInode)) {
            throw new FsException(Errno.EISDIR, "not a regular file");
        }
        return (RegularInode) file.inode;
    }

    private static void checkOffset(long offset) {
        if (offset < 0) {
            throw new FsException(Errno.EINVAL, "negative offset " + offset);
        }
    }

    /**
     * FNV-1a over the export name: the same name gives the same fsid after a restart. It is also the device
     * of every file, so that locks and qids of two memory exports never meet.
     */
    private static long fsid(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }
}
