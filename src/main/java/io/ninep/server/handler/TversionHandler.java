package io.ninep.server.handler;

import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tversion;
import io.ninep.server.Connection;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Tversion (version(5)): negotiates msize and the protocol, and resets the session. Every outstanding
 * request is aborted first (none is answered after Rversion), then every fid and lock of the connection is
 * released. Reading pauses until the Rversion is on the wire so no request races the reset.
 * Commit point: none; a Tversion is never cancelled (the client cannot flush it).
 */
public final class TversionHandler implements Handler<Tversion> {

    @Override
    public Class<Tversion> messageType() {
        return Tversion.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tversion m) {
        x.request().commit();
        Connection c = x.connection();
        c.beginVersionBarrier();
        return c.abortAll(x.request()).onItem().transform(v -> {
            x.session().fids().clear();
            x.services().locks().releaseConnection(x.session().connectionId());
            long offered = Integer.toUnsignedLong(m.msize());
            int msize = (int) Math.min(offered, x.services().config().maxMsize());
            boolean known = m.version().equals(P9.VERSION_9P2000_L) && msize >= P9.MIN_MSIZE;
            String version = known ? P9.VERSION_9P2000_L : P9.VERSION_UNKNOWN;
            int agreed = known ? msize : x.services().config().maxMsize();
            x.session().negotiated(agreed, known ? version : null);
            x.request().whenResolved(() -> c.endVersionBarrier(agreed));
            return new Rmessage.Rversion(msize, version);
        });
    }
}
