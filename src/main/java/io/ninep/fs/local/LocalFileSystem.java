package io.ninep.fs.local;

import static io.ninep.fs.local.Linux.AT_EMPTY_PATH;
import static io.ninep.fs.local.Linux.AT_FDCWD;
import static io.ninep.fs.local.Linux.AT_REMOVEDIR;
import static io.ninep.fs.local.Linux.AT_SYMLINK_NOFOLLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

/**
 * The export type {@code local}: a directory of the host, served through Linux *at system calls on held
 * descriptors so that nothing a client names, and no symlink swapped in meanwhile, leads outside it. Every node is
 * an O_PATH descriptor. Needs x86_64 Linux with /proc mounted; runs as root (files then belong to the clients'
 * uids) or unprivileged (see {@link Ownership}). Read-only exports and locks are the server's business.
 */
public final class LocalFileSystem implements FileSystem {
    private final String exportName;
    private final LocalNode root;
    private final BeneathOpener beneath;
    private final Walker walker;
    private final FileOpener opener;
    private final Creator creator;
    private final NodeLocator locator;

    private LocalFileSystem(String exportName, LocalNode root, Tuning tuning) {
        this.exportName = exportName;
        this.root = root;
        this.beneath = new BeneathOpener(tuning.openat2());
        beneath.probe(root.fd());
        Ownership ownership = new Ownership();
        this.locator = new NodeLocator(root, beneath);
        this.walker = new Walker(root, beneath, locator);
        this.creator = new Creator(beneath, ownership, tuning.linkByEmptyPath());
        this.opener = new FileOpener(root, beneath, ownership, creator);
    }

    /**
     * Serves the directory {@code root}, creating it when missing.
     *
     * @throws IllegalArgumentException when {@code root} exists and is not a directory
     * @throws UnsupportedOperationException on anything but x86_64 Linux
     */
    public static LocalFileSystem open(Path root, String exportName) {
        return open(root, exportName, Tuning.DEFAULT);
    }

    static LocalFileSystem open(Path root, String exportName, Tuning tuning) {
        Syscalls.requireSupportedPlatform();
        Path dir = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("export " + exportName + ": " + dir + " is not a directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException("export " + exportName + ": cannot create " + dir, e);
        }
        LocalNode node;
        try {
            node = LocalNode.adopt(Syscalls.openat(AT_FDCWD, dir.toString(), Linux.O_PATH | Linux.O_DIRECTORY, 0));
        } catch (FsException e) {
            throw new IllegalArgumentException("export " + exportName + ": cannot open " + dir + ": "
                    + e.getMessage(), e);
        }
        try {
            requireProc(node, exportName);
            return new LocalFileSystem(exportName, node, tuning);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** Nodes are reopened, chmodded and located through /proc/self/fd, so it must be there. */
    private static void requireProc(LocalNode root, String exportName) {
        try {
            Syscalls.readlinkat(AT_FDCWD, root.procPath());
        } catch (FsException e) {
            throw new IllegalStateException("export " + exportName + ": /proc/self/fd is unusable ("
                    + e.getMessage() + "); the local backend needs /proc mounted", e);
        }
    }

    /** False when the component-by-component fallback is in use (no openat2, or forced by {@link Tuning}). */
    boolean usesOpenat2() {
        return beneath.usesOpenat2();
    }

    @Override
    public Node root() {
        return LocalNode.adopt(Syscalls.dupCloexec(root.fd()));
    }

    @Override
    public Node walk(Node dir, String name) {
        return walker.walk(local(dir), name);
    }

    @Override
    public Node duplicate(Node node) {
        return local(node).duplicate();
    }

    @Override
    public Attributes getattr(Node node) {
        return FileIds.attributes(Syscalls.statx(local(node).fd(), "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW));
    }

    @Override
    public void setattr(Node node, AttributeChange change, Identity who) {
        AttributeWriter.apply(local(node), change);
    }

    @Override
    public OpenFile open(Node node, OpenMode mode, Identity who) {
        return opener.open(local(node), mode);
    }

    @Override
    public Created create(Node dir, String name, OpenMode mode, int permissions, Identity who) {
        return opener.create(local(dir), name, mode, permissions, who);
    }

    @Override
    public Node mkdir(Node dir, String name, int permissions, Identity who) {
        return creator.mkdir(local(dir), name, permissions, who);
    }

    @Override
    public Node symlink(Node dir, String name, String target, Identity who) {
        return creator.symlink(local(dir), name, target, who);
    }

    @Override
    public Node mknod(Node dir, String name, int mode, int major, int minor, Identity who) {
        return creator.mknod(local(dir), name, mode, major, minor, who);
    }

    @Override
    public void link(Node dir, String name, Node target) {
        creator.link(local(dir), name, local(target));
    }

    @Override
    public void renameat(Node oldDir, String oldName, Node newDir, String newName) {
        Syscalls.renameat2(local(oldDir).fd(), Names.entry(oldName), local(newDir).fd(), Names.entry(newName), 0);
    }

    @Override
    public void rename(Node node, Node newDir, String newName) {
        Names.entry(newName);
        int newDirfd = local(newDir).fd();
        try (NodeLocator.Location at = locator.locate(local(node))) {
            Syscalls.renameat2(at.dirfd(), at.name(), newDirfd, newName, 0);
        }
    }

    @Override
    public void unlinkat(Node dir, String name, boolean directory) {
        Syscalls.unlinkat(local(dir).fd(), Names.entry(name), directory ? AT_REMOVEDIR : 0);
    }

    @Override
    public void remove(Node node) {
        LocalNode n = local(node);
        try (NodeLocator.Location at = locator.locate(n)) {
            Syscalls.unlinkat(at.dirfd(), at.name(), n.isDirectory() ? AT_REMOVEDIR : 0);
        }
    }

    /** readlinkat(fd, "") answers ENOENT for a file that is not a symlink; readlink(2) says EINVAL. */
    @Override
    public String readlink(Node node) {
        LocalNode n = local(node);
        if (n.type() != FileType.SYMLINK) {
            throw new FsException(Errno.EINVAL, "readlink of a file that is not a symlink");
        }
        return Syscalls.readlinkat(n.fd(), "");
    }

    @Override
    public int read(OpenFile file, long offset, ByteBuffer dst) {
        return local(file).read(offset, dst);
    }

    @Override
    public int write(OpenFile file, long offset, ByteBuffer src) {
        return local(file).write(offset, src);
    }

    @Override
    public void readdir(OpenFile dir, long cookie, DirentSink sink) {
        LocalOpenFile f = local(dir);
        f.cursor().list(f.fd(), cookie, sink);
    }

    @Override
    public void fsync(OpenFile file, boolean dataOnly) {
        int fd = local(file).fd();
        if (dataOnly) {
            Syscalls.fdatasync(fd);
        } else {
            Syscalls.fsync(fd);
        }
    }

    @Override
    public FsStats statfs(Node node) {
        return Syscalls.fstatfs(local(node).fd());
    }

    /**
     * Extended attributes go through {@code /proc/self/fd/N} with the following calls: f*xattr refuse O_PATH
     * descriptors (EBADF), and the l* calls would act on the magic link itself. Following the magic link lands
     * on the inode, a symlink included, and goes no further.
     */
    @Override
    public byte[] getxattr(Node node, String name) {
        return Syscalls.getxattr(local(node).procPath(), name);
    }

    @Override
    public List<String> listxattr(Node node) {
        byte[] raw = Syscalls.listxattr(local(node).procPath());
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                names.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return names;
    }

    @Override
    public void setxattr(Node node, String name, byte[] value, int flags) {
        Syscalls.setxattr(local(node).procPath(), name, value, flags);
    }

    @Override
    public void removexattr(Node node, String name) {
        Syscalls.removexattr(local(node).procPath(), name);
    }

    @Override
    public void close() {
        root.close();
    }

    @Override
    public String toString() {
        return "LocalFileSystem[" + exportName + "]";
    }

    private static LocalNode local(Node node) {
        if (node instanceof LocalNode n) {
            return n;
        }
        throw new IllegalArgumentException("not a node of the local file system: " + node);
    }

    private static LocalOpenFile local(OpenFile file) {
        if (file instanceof LocalOpenFile f) {
            return f;
        }
        throw new IllegalArgumentException("not a file of the local file system: " + file);
    }
}
