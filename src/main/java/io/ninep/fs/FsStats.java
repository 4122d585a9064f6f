package io.ninep.fs;

/** {@code struct statfs} of the file system holding a node. */
public record FsStats(int type, int blockSize, long blocks, long blocksFree, long blocksAvailable, long files,
                      long filesFree, long fsid, int nameMax) {
}
