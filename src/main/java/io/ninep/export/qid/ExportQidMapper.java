package io.ninep.export.qid;

import io.ninep.export.QidMapper;

/** A local export's qid mapper: it can report its table and must be closed on shutdown to save it. */
public interface ExportQidMapper extends QidMapper, AutoCloseable {
    QidTableStatus status();

    /** Saves unsaved entries and stops background work; idempotent. Call it on server shutdown. */
    @Override
    void close();
}
