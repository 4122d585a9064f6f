package io.ninep.fs;

/**
 * A handle on one file, obtained from {@link FileSystem}. It follows the file through renames and keeps
 * working after the file is unlinked. Closing is idempotent; the file system frees what the handle holds.
 */
public interface Node extends AutoCloseable {
    /** The file's identity as seen when this handle was made. */
    FileId id();

    @Override
    void close();
}
