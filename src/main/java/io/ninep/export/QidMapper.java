package io.ninep.export;

import io.ninep.fs.FileId;

/** Turns a backend's (device, inode) into the 64-bit qid.path the client derives inode numbers from. */
public interface QidMapper {
    long path(FileId id);
}
