package io.ninep.fs;

/** An opened file or directory, for I/O and readdir. Closing is idempotent. */
public interface OpenFile extends AutoCloseable {
    OpenMode mode();

    @Override
    void close();
}
