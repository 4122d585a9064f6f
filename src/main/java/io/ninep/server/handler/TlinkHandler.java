package io.ninep.server.handler;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tlink;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Tlink: a new name in dfid for fid's file (EPERM for a directory). Commit point: the link. */
public final class TlinkHandler implements Handler<Tlink> {

    @Override
    public Class<Tlink> messageType() {
        return Tlink.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tlink m) {
        Names.forCreate(m.name());
        return x.onFids(m.dfid(), m.fid(), (dir, target) -> {
            x.requireWritable(dir);
            x.commit();
            dir.export().fileSystem().link(dir.node(), m.name(), target.node());
            return new Rmessage.Rlink();
        });
    }
}
