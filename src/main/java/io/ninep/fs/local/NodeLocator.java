package io.ninep.fs.local;

import static io.ninep.fs.local.Linux.AT_FDCWD;
import static io.ninep.fs.local.Linux.O_DIRECTORY;
import static io.ninep.fs.local.Linux.O_PATH;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

/**
 * Finds where a node lives now: the kernel's current path of its descriptor ({@code /proc/self/fd/N}), taken
 * relative to the export root's current path, its parent reopened beneath the root, and the entry checked to be
 * the same inode. Rename and remove act on a node's current name this way, since a Node follows its inode, not a
 * path (PROTOCOL.md, trap 3). Between the check and the rename/unlink a racing rename could put another file of
 * the export under that name; it can never put one from outside the export there.
 */
final class NodeLocator {
    private static final String DELETED = " (deleted)";

    private final LocalNode root;
    private final BeneathOpener beneath;

    NodeLocator(LocalNode root, BeneathOpener beneath) {
        this.root = root;
        this.beneath = beneath;
    }

    /** A node's current parent directory and name; close it to release the parent's descriptor. */
    record Location(int dirfd, String name, boolean ownsDirfd) implements AutoCloseable {
        @Override
        public void close() {
            if (ownsDirfd) {
                Syscalls.close(dirfd);
            }
        }
    }

    /** Whether the kernel's current path of {@code node} lies below the export root. */
    boolean insideExport(LocalNode node) {
        return relativePath(currentPath(node)) != null;
    }

    /**
     * EBUSY for the export root; ENOENT when the node's name was unlinked; ESTALE when its name no longer leads
     * to it from inside the export.
     */
    Location locate(LocalNode node) {
        if (node.sameFile(root)) {
            throw new FsException(Errno.EBUSY, "the export root has no name to change");
        }
        String path = currentPath(node);
        Errno gone = path.endsWith(DELETED) ? Errno.ENOENT : Errno.ESTALE;
        String relative = relativePath(path);
        if (relative == null) {
            throw new FsException(gone, "node is no longer inside the export");
        }
        int slash = relative.lastIndexOf('/');
        String name = relative.substring(slash + 1);
        Location location = slash < 0 ? new Location(root.fd(), name, false)
                : new Location(openParent(relative.substring(0, slash), gone), name, true);
        try {
            if (!node.sameFile(Syscalls.statx(location.dirfd(), name, Linux.AT_SYMLINK_NOFOLLOW))) {
                throw new FsException(gone, "the node's name now names another file");
            }
            return location;
        } catch (FsException e) {
            location.close();
            throw e.errno() == Errno.ENOENT ? new FsException(gone, "the node's name is gone") : e;
        }
    }

    private int openParent(String parent, Errno gone) {
        try {
            return beneath.open(root.fd(), parent, O_PATH | O_DIRECTORY, 0);
        } catch (FsException e) {
            Errno errno = e.errno();
            if (errno == Errno.ENOENT || errno == Errno.ENOTDIR || errno == Errno.ELOOP || errno == Errno.EXDEV) {
                throw new FsException(gone, "the node's directory moved meanwhile");
            }
            throw e;
        }
    }

    private static String currentPath(LocalNode node) {
        return Syscalls.readlinkat(AT_FDCWD, node.procPath());
    }

    /** {@code path} relative to the export root's current path, or null when it is not below it. */
    private String relativePath(String path) {
        String rootPath = currentPath(root);
        String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
        return path.startsWith(prefix) && path.length() > prefix.length() ? path.substring(prefix.length()) : null;
    }
}
