package io.ninep.server.handler;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tremove;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Tremove: removes fid's file (by its current name; the fid follows the inode) and clunks the fid, which
 * is clunked even when the remove fails (remove(5)). Commit point: before the remove.
 */
public final class TremoveHandler implements Handler<Tremove> {

    @Override
    public Class<Tremove> messageType() {
        return Tremove.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tremove m) {
        return x.onFid(m.fid(), fid -> {
            x.commit();
            try {
                x.requireWritable(fid);
                fid.export().fileSystem().remove(fid.node());
            } finally {
                x.session().fids().clunk(m.fid());
            }
            return new Rmessage.Rremove();
        });
    }
}
