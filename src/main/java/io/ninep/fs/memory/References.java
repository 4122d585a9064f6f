package io.ninep.fs.memory;

/**
 * Counts what keeps an inode alive: directory entries naming it and open handles (Node or OpenFile) on it.
 * Both counts change under this object's monitor, so exactly one caller sees them reach zero together and
 * frees the inode, however an unlink and a last close race.
 */
final class References {
    private int links;
    private int handles;

    synchronized void addLink() {
        links++;
    }

    /** @return true when this was the last link and no handle is open: the caller frees the inode */
    synchronized boolean dropLink() {
        links--;
        return links == 0 && handles == 0;
    }

    synchronized void addHandle() {
        handles++;
    }

    /** @return true when this was the last handle and no link is left: the caller frees the inode */
    synchronized boolean dropHandle() {
        handles--;
        return links == 0 && handles == 0;
    }

    synchronized int links() {
        return links;
    }
}
