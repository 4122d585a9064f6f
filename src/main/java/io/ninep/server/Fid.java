package io.ninep.server;

import io.ninep.export.Export;
import io.ninep.fs.FsException;
import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.posix.Errno;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fid: a connection's handle on a file. Its state machine (LESSONS.md §4):
 *
 * <pre>
 * state        | allowed                                                   | refused (errno)
 * -------------+-----------------------------------------------------------+-------------------------------
 * WALKED       | walk, getattr, setattr, lopen, lcreate (dir), mkdir,      | read, write, readdir (EBADF)
 *              | symlink, mknod, link, rename*, unlinkat, readlink, statfs,|
 *              | xattrwalk, xattrcreate, lock/getlock (EBADF), fsync, clunk|
 * OPEN_FILE    | read / write as its open mode allows, getattr, setattr,   | lopen, lcreate, xattrcreate
 *              | walk, fsync, lock, getlock, statfs, clunk, remove         | (EINVAL); read on a write-only
 *              |                                                           | or write on a read-only fid
 *              |                                                           | (EBADF); readdir (ENOTDIR)
 * OPEN_DIR     | readdir, getattr, walk, fsync, statfs, clunk, remove      | read/write (EISDIR), lopen (EINVAL)
 * XATTR_READ   | read (of the snapshot taken at xattrwalk), clunk          | everything else (EBADF/EINVAL)
 * XATTR_WRITE  | write (appends, up to the announced size), clunk (commits | everything else (EBADF/EINVAL)
 *              | the set; its error goes in Rclunk)                        |
 * </pre>
 *
 * Clunked is not a state of the object but its absence from the table: a clunked fid answers EBADF to
 * new requests, while requests already holding it finish; the last to {@link FidTable#release} closes
 * the node and the open file.
 *
 * <p>Guards: {@code this} guards {@link #kind}, {@link #openFile}, the xattr fields, {@link #users} and
 * {@link #clunked}. {@link #transition} serializes the operations that change the state (lopen, lcreate,
 * xattrcreate) so two of them on one fid never interleave; reads and writes never take it.
 */
public final class Fid {
    public enum Kind { WALKED, OPEN_FILE, OPEN_DIR, XATTR_READ, XATTR_WRITE }

    private static final AtomicLong KEYS = new AtomicLong();

    private final long key = KEYS.incrementAndGet();
    private final int number;
    private final Export export;
    private final Node node;
    private final Identity who;
    private final String path;
    private final ReentrantLock transition = new ReentrantLock();
    private Kind kind = Kind.WALKED;
    private OpenFile openFile;
    private byte[] xattrValue;
    private XattrWrite xattrWrite;
    private int users;
    private boolean clunked;

    public Fid(int number, Export export, Node node, Identity who, String path) {
        this.number = number;
        this.export = export;
        this.node = node;
        this.who = who;
        this.path = path;
    }

    /** The same file under another fid number (a walk's newfid). */
    public Fid rebind(int newNumber, Node newNode, String newPath) {
        return new Fid(newNumber, export, newNode, who, newPath);
    }

    /**
     * Unique among all fids ever bound in this process: fid numbers are reused after a clunk, so the
     * shared lock table records locks under this key instead.
     */
    public long key() {
        return key;
    }

    public int number() {
        return number;
    }

    public Export export() {
        return export;
    }

    public Node node() {
        return node;
    }

    public Identity who() {
        return who;
    }

    /** The path walked from the export root, for the admin API and logs. */
    public String path() {
        return path;
    }

    public ReentrantLock transition() {
        return transition;
    }

    public synchronized Kind kind() {
        return kind;
    }

    public synchronized OpenFile openFile() {
        return openFile;
    }

    /** The open file, after checking the fid is open as a file (not a directory). */
    public synchronized OpenFile requireOpenFile() {
        if (kind == Kind.OPEN_DIR) {
            throw new FsException(Errno.EISDIR, "fid " + number + " is an open directory");
        }
        if (kind != Kind.OPEN_FILE) {
            throw new FsException(Errno.EBADF, "fid " + number + " is not open");
        }
        return openFile;
    }

    public synchronized OpenFile requireOpenDirectory() {
        if (kind == Kind.OPEN_FILE) {
            throw new FsException(Errno.ENOTDIR, "fid " + number + " is an open file");
        }
        if (kind != Kind.OPEN_DIR) {
            throw new FsException(Errno.EBADF, "fid " + number + " is not open");
        }
        return openFile;
    }

    /** Refuses a state change unless the fid is freshly walked. */
    public synchronized void requireWalked() {
        if (kind != Kind.WALKED) {
            throw new FsException(Errno.EINVAL, "fid " + number + " is already " + kind);
        }
    }

    public synchronized void opened(OpenFile file, boolean directory) {
        requireWalked();
        this.openFile = file;
        this.kind = directory ? Kind.OPEN_DIR : Kind.OPEN_FILE;
    }

    public synchronized void xattrRead(byte[] value) {
        requireWalked();
        this.xattrValue = value;
        this.kind = Kind.XATTR_READ;
    }

    public synchronized void xattrWrite(XattrWrite write) {
        requireWalked();
        this.xattrWrite = write;
        this.kind = Kind.XATTR_WRITE;
    }

    public synchronized byte[] xattrValue() {
        return xattrValue;
    }

    public synchronized XattrWrite pendingXattrWrite() {
        return xattrWrite;
    }

    synchronized boolean acquire() {
        if (clunked) {
            return false;
        }
        users++;
        return true;
    }

    /** Returns true when this call dropped the last use of a clunked fid. */
    synchronized boolean release() {
        users--;
        return clunked && users == 0;
    }

    /** Returns true when nobody uses the fid any more, so its resources can go now. */
    synchronized boolean markClunked() {
        clunked = true;
        return users == 0;
    }

    /** Frees the node and the open file; runs once, after the last use. */
    void close() {
        OpenFile f;
        synchronized (this) {
            f = openFile;
            openFile = null;
            xattrValue = null;
            xattrWrite = null;
        }
        if (f != null) {
            f.close();
        }
        node.close();
    }

    public synchronized String openMode() {
        return openFile == null ? "" : openFile.mode().access().name();
    }

    @Override
    public String toString() {
        return "fid " + number + " (" + export.name() + ":" + path + ")";
    }

    /** A pending Txattrcreate: the value accumulates through Twrite and is set at Tclunk. */
    public static final class XattrWrite {
        private final String name;
        private final long size;
        private final int flags;
        private final ByteArrayOutputStream value;

        public XattrWrite(String name, long size, int flags) {
            this.name = name;
            this.size = size;
            this.flags = flags;
            this.value = new ByteArrayOutputStream((int) size);
        }

        public String name() {
            return name;
        }

        public long size() {
            return size;
        }

        public int flags() {
            return flags;
        }

        /** Appends at {@code offset}, which must be where the value ends (the client writes in order). */
        public synchronized int append(long offset, byte[] data) {
            if (offset != value.size() || value.size() + (long) data.length > size) {
                throw new FsException(Errno.EINVAL, "xattr write outside the announced size");
            }
            value.write(data, 0, data.length);
            return data.length;
        }

        public synchronized byte[] value() {
            return value.toByteArray();
        }

        public synchronized boolean complete() {
            return value.size() == size;
        }
    }
}
