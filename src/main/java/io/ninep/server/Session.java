package io.ninep.server;

import io.ninep.protocol.P9;

/**
 * The 9P state negotiated on one connection: msize, protocol version and fids. Tversion resets it.
 * msize and version are written only on the event loop and read by workers, hence volatile.
 */
public final class Session {
    private final long connectionId;
    private final Services services;
    private final FidTable fids;
    private volatile int msize;
    private volatile String version;

    public Session(long connectionId, Services services) {
        this.connectionId = connectionId;
        this.services = services;
        this.fids = new FidTable(services.config().maxFids(), services.workers(),
                fid -> services.locks().releaseFid(fid.key()), services.stats().liveFids);
        this.msize = services.config().maxMsize();
    }

    public long connectionId() {
        return connectionId;
    }

    public Services services() {
        return services;
    }

    public FidTable fids() {
        return fids;
    }

    public int msize() {
        return msize;
    }

    /** Null until a Tversion has been accepted. */
    public String version() {
        return version;
    }

    public boolean versioned() {
        return version != null;
    }

    public void negotiated(int msize, String version) {
        this.msize = msize;
        this.version = version;
    }

    /** Largest payload of an Rread or Twrite under the negotiated msize. */
    public int ioUnit() {
        return msize - P9.IOHDRSZ;
    }
}
