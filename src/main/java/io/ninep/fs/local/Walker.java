package io.ninep.fs.local;

import static io.ninep.fs.local.Linux.O_DIRECTORY;
import static io.ninep.fs.local.Linux.O_NOFOLLOW;
import static io.ninep.fs.local.Linux.O_PATH;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;

/**
 * Walks one name from a directory node without following symlinks (a symlink comes back as a SYMLINK node for
 * the client to resolve) and without leaving the export: ".." of the root is the root (LESSONS.md, traps).
 */
final class Walker {
    private final LocalNode root;
    private final BeneathOpener beneath;
    private final NodeLocator locator;

    Walker(LocalNode root, BeneathOpener beneath, NodeLocator locator) {
        this.root = root;
        this.beneath = beneath;
        this.locator = locator;
    }

    LocalNode walk(LocalNode dir, String name) {
        if (Names.walkable(name).equals("..")) {
            return parent(dir);
        }
        return LocalNode.adopt(beneath.open(dir.fd(), name, O_PATH, 0));
    }

    /**
     * RESOLVE_BENEATH refuses ".." by design, so the parent is opened plainly. A directory reached by walking
     * down from the root has its parent inside the export unless it is the root; one moved out of the export by
     * someone on the host has not, hence the check of the parent's current path.
     */
    private LocalNode parent(LocalNode dir) {
        if (dir.sameFile(root)) {
            return root.duplicate();
        }
        LocalNode parent = LocalNode.adopt(Syscalls.openat(dir.fd(), "..", O_PATH | O_DIRECTORY | O_NOFOLLOW, 0));
        if (parent.sameFile(root) || locator.insideExport(parent)) {
            return parent;
        }
        parent.close();
        throw new FsException(Errno.ENOENT, "the directory's parent is outside the export");
    }
}
