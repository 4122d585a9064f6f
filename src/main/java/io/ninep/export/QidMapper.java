package io.ninep.export;

import io.ninep.fs.FileId;

/** Turns a backend's (device, inode) into the 64-bit qid.path the client derives inode numbers from. */
public interface QidMapper {
    /**
     * @throws io.ninep.fs.FsException when the file may not get a path (a mapper's policy forbids its device,
     *                                  or its table is full); the request then fails with that errno
     */
    long path(FileId id);

    /** Saves what the mapper must keep across restarts; called on shutdown, possibly more than once. */
    default void close() {
    }
}
