package io.ninep.fs;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The narrow interface between the 9P server and a backing store. It never sees protocol types: names are
 * single path components (never empty, never containing '/', never "."), errors are {@link FsException}s
 * carrying a Linux errno. Every method may block; the server calls them off the event loop. Implementations
 * are safe for concurrent use.
 */
public interface FileSystem extends AutoCloseable {

    /** A fresh handle on the export's root. */
    Node root();

    /** The entry {@code name} of directory {@code dir}. ".." of the root is the root itself. */
    Node walk(Node dir, String name);

    /** A second, independent handle on the same file (a clone walk). */
    Node duplicate(Node node);

    Attributes getattr(Node node);

    void setattr(Node node, AttributeChange change, Identity who);

    OpenFile open(Node node, OpenMode mode, Identity who);

    /** Creates and opens a regular file; fails with EEXIST when {@code mode.exclusive()} and it exists. */
    Created create(Node dir, String name, OpenMode mode, int permissions, Identity who);

    Node mkdir(Node dir, String name, int permissions, Identity who);

    Node symlink(Node dir, String name, String target, Identity who);

    /** {@code mode} carries the type bits (fifo, socket, char or block device) and permissions. */
    Node mknod(Node dir, String name, int mode, int major, int minor, Identity who);

    /** A new name {@code name} in {@code dir} for the existing file {@code target}. */
    void link(Node dir, String name, Node target);

    void renameat(Node oldDir, String oldName, Node newDir, String newName);

    /** Renames the file behind {@code node} (wherever it now lives) to {@code newDir/newName}. */
    void rename(Node node, Node newDir, String newName);

    /** Removes {@code dir/name}; {@code directory} is unlinkat's AT_REMOVEDIR. */
    void unlinkat(Node dir, String name, boolean directory);

    /** Removes the file behind {@code node} from its directory. */
    void remove(Node node);

    String readlink(Node node);

    /** Reads at {@code offset} into {@code dst}; returns the bytes read, 0 at end of file. */
    int read(OpenFile file, long offset, ByteBuffer dst);

    /** Writes {@code src} at {@code offset} (at the end for append mode); returns the bytes written. */
    int write(OpenFile file, long offset, ByteBuffer src);

    /**
     * Lists directory entries (including "." and "..") after {@code cookie} (0 = from the start) into
     * {@code sink} until it refuses one or the directory ends. Cookies stay valid across calls and reopens.
     */
    void readdir(OpenFile dir, long cookie, DirentSink sink);

    void fsync(OpenFile file, boolean dataOnly);

    FsStats statfs(Node node);

    /** The value of extended attribute {@code name}; ENODATA when it does not exist. */
    byte[] getxattr(Node node, String name);

    List<String> listxattr(Node node);

    /** {@code flags} are setxattr's XATTR_CREATE (1) and XATTR_REPLACE (2). */
    void setxattr(Node node, String name, byte[] value, int flags);

    void removexattr(Node node, String name);

    @Override
    void close();

    /** A file just created and opened. */
    record Created(Node node, OpenFile file) {
    }
}
