package io.ninep.server.handler;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Trenameat;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Trenameat: renameat(2) between two directory fids, replacing the target as POSIX says. Commit point: the rename. */
public final class TrenameatHandler implements Handler<Trenameat> {

    @Override
    public Class<Trenameat> messageType() {
        return Trenameat.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Trenameat m) {
        Names.forRename(m.oldname());
        Names.forRename(m.newname());
        return x.onFids(m.olddirfid(), m.newdirfid(), (from, to) -> {
            x.requireWritable(from);
            x.commit();
            from.export().fileSystem().renameat(from.node(), m.oldname(), to.node(), m.newname());
            return new Rmessage.Rrenameat();
        });
    }
}
