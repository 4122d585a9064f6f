package io.ninep.server.lock;

/** The identity of a locked file: locks follow the inode, not a name, so every fid on it sees the same locks. */
public record FileKey(long device, long inode) {
}
