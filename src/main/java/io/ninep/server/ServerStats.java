package io.ninep.server;

import java.util.concurrent.atomic.AtomicLong;

/** Process-wide transport and flush counters; the metrics and the admin API read them. */
public final class ServerStats {
    public final AtomicLong connectionsAccepted = new AtomicLong();
    public final AtomicLong connectionsRejected = new AtomicLong();
    public final AtomicLong connectionsClosed = new AtomicLong();
    public final AtomicLong decodeErrors = new AtomicLong();
    /** A request reused a tag still in flight (the connection is closed for it). */
    public final AtomicLong tagReuse = new AtomicLong();
    /** Flushed requests cancelled before their commit point, whose reply was dropped. */
    public final AtomicLong flushDropped = new AtomicLong();
    /** Flushed requests that had committed, answered before their Rflush. */
    public final AtomicLong flushAnsweredBeforeFlush = new AtomicLong();
    /** Tflush naming a tag with nothing in flight. */
    public final AtomicLong flushUnknownTag = new AtomicLong();
    public final AtomicLong backpressurePauses = new AtomicLong();
    /** Times a connection had to wait for room in the memory budget. */
    public final AtomicLong budgetWaits = new AtomicLong();
    /** Connections closed because their peer stopped taking replies (ninep.write-stall-timeout). */
    public final AtomicLong writeStalls = new AtomicLong();
    public final AtomicLong bytesIn = new AtomicLong();
    public final AtomicLong bytesOut = new AtomicLong();
    /** File data returned by Tread and accepted by Twrite. */
    public final AtomicLong bytesRead = new AtomicLong();
    public final AtomicLong bytesWritten = new AtomicLong();
    /** Fids bound and not yet freed on every connection (a fid clunked while in use counts until freed). */
    public final AtomicLong liveFids = new AtomicLong();
}
