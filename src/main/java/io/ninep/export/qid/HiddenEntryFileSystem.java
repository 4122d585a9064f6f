package io.ninep.export.qid;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.Attributes;
import io.ninep.fs.DirentSink;
import io.ninep.fs.FileId;
import io.ninep.fs.FileSystem;
import io.ninep.fs.FsException;
import io.ninep.fs.FsStats;
import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.posix.Errno;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Hides the server's own files in the export root (the qid table {@code NAME} and its {@code NAME.*} companions)
 * from clients: readdir of the root skips them, walking to one or unlinking it answers ENOENT as if it did not
 * exist, and creating, linking or renaming onto such a name answers EACCES. Other directories and every other
 * name pass through untouched. The root is recognised by its (device, inode), so any handle on it counts.
 */
public final class HiddenEntryFileSystem implements FileSystem {
    private final FileSystem delegate;
    private final String hidden;
    private final long rootDevice;
    private final long rootInode;

    public HiddenEntryFileSystem(FileSystem delegate, String hiddenName) {
        this.delegate = delegate;
        this.hidden = hiddenName;
        try (Node root = delegate.root()) {
            this.rootDevice = root.id().device();
            this.rootInode = root.id().inode();
        }
    }

    private boolean isRoot(Node dir) {
        FileId id = dir.id();
        return id.inode() == rootInode && id.device() == rootDevice;
    }

    private boolean isHidden(Node dir, String name) {
        return (name.equals(hidden) || name.startsWith(hidden + ".")) && isRoot(dir);
    }

    /** ENOENT for a name that must look absent. */
    private void requireVisible(Node dir, String name) {
        if (isHidden(dir, name)) {
            throw new FsException(Errno.ENOENT, "no such entry");
        }
    }

    /** EACCES for a name a client may not take. */
    private void requireFree(Node dir, String name) {
        if (isHidden(dir, name)) {
            throw new FsException(Errno.EACCES, "name reserved by the server");
        }
    }

    @Override
    public Node root() {
        return delegate.root();
    }

    @Override
    public Node walk(Node dir, String name) {
        requireVisible(dir, name);
        return delegate.walk(dir, name);
    }

    @Override
    public Node duplicate(Node node) {
        return delegate.duplicate(node);
    }

    @Override
    public Attributes getattr(Node node) {
        return delegate.getattr(node);
    }

    @Override
    public void setattr(Node node, AttributeChange change, Identity who) {
        delegate.setattr(node, change, who);
    }

    /** A listing of the root is marked so that {@link #readdir} knows to filter it. */
    @Override
    public OpenFile open(Node node, OpenMode mode, Identity who) {
        OpenFile file = delegate.open(node, mode, who);
        return isRoot(node) ? new RootListing(file) : file;
    }

    @Override
    public Created create(Node dir, String name, OpenMode mode, int permissions, Identity who) {
        requireFree(dir, name);
        return delegate.create(dir, name, mode, permissions, who);
    }

    @Override
    public Node mkdir(Node dir, String name, int permissions, Identity who) {
        requireFree(dir, name);
        return delegate.mkdir(dir, name, permissions, who);
    }

    @Override
    public Node symlink(Node dir, String name, String target, Identity who) {
        requireFree(dir, name);
        return delegate.symlink(dir, name, target, who);
    }

    @Override
    public Node mknod(Node dir, String name, int mode, int major, int minor, Identity who) {
        requireFree(dir, name);
        return delegate.mknod(dir, name, mode, major, minor, who);
    }

    @Override
    public void link(Node dir, String name, Node target) {
        requireFree(dir, name);
        delegate.link(dir, name, target);
    }

    @Override
    public void renameat(Node oldDir, String oldName, Node newDir, String newName) {
        requireVisible(oldDir, oldName);
        requireFree(newDir, newName);
        delegate.renameat(oldDir, oldName, newDir, newName);
    }

    @Override
    public void rename(Node node, Node newDir, String newName) {
        requireFree(newDir, newName);
        delegate.rename(node, newDir, newName);
    }

    @Override
    public void unlinkat(Node dir, String name, boolean directory) {
        requireVisible(dir, name);
        delegate.unlinkat(dir, name, directory);
    }

    @Override
    public void remove(Node node) {
        delegate.remove(node);
    }

    @Override
    public String readlink(Node node) {
        return delegate.readlink(node);
    }

    @Override
    public int read(OpenFile file, long offset, ByteBuffer dst) {
        return delegate.read(unwrap(file), offset, dst);
    }

    @Override
    public int write(OpenFile file, long offset, ByteBuffer src) {
        return delegate.write(unwrap(file), offset, src);
    }

    @Override
    public void readdir(OpenFile dir, long cookie, DirentSink sink) {
        if (dir instanceof RootListing) {
            delegate.readdir(unwrap(dir), cookie, (name, id, next) ->
                    name.equals(hidden) || name.startsWith(hidden + ".") || sink.accept(name, id, next));
        } else {
            delegate.readdir(dir, cookie, sink);
        }
    }

    @Override
    public void fsync(OpenFile file, boolean dataOnly) {
        delegate.fsync(unwrap(file), dataOnly);
    }

    @Override
    public FsStats statfs(Node node) {
        return delegate.statfs(node);
    }

    @Override
    public byte[] getxattr(Node node, String name) {
        return delegate.getxattr(node, name);
    }

    @Override
    public List<String> listxattr(Node node) {
        return delegate.listxattr(node);
    }

    @Override
    public void setxattr(Node node, String name, byte[] value, int flags) {
        delegate.setxattr(node, name, value, flags);
    }

    @Override
    public void removexattr(Node node, String name) {
        delegate.removexattr(node, name);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate + " hiding " + hidden;
    }

    private static OpenFile unwrap(OpenFile file) {
        return file instanceof RootListing ? ((RootListing) file).inner : file;
    }

    /** The root opened (for readdir, mostly); the backend's own handle inside. */
    private static final class RootListing implements OpenFile {
        private final OpenFile inner;

        RootListing(OpenFile inner) {
            this.inner = inner;
        }

        @Override
        public OpenMode mode() {
            return inner.mode();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
