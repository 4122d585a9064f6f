package io.ninep.server.handler;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Treadlink;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Treadlink: a symlink's target (EINVAL for anything else). Read-only: no commit point. */
public final class TreadlinkHandler implements Handler<Treadlink> {

    @Override
    public Class<Treadlink> messageType() {
        return Treadlink.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Treadlink m) {
        return x.onFid(m.fid(), fid -> new Rmessage.Rreadlink(fid.export().fileSystem().readlink(fid.node())));
    }
}
