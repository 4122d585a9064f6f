package io.ninep.server.handler;

import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tmknod;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Tmknod: a fifo, socket or device node (mode carries the type bits). Commit point: the mknod. */
public final class TmknodHandler implements Handler<Tmknod> {

    @Override
    public Class<Tmknod> messageType() {
        return Tmknod.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tmknod m) {
        Names.forCreate(m.name());
        return x.onFid(m.dfid(), dir -> {
            x.requireWritable(dir);
            x.commit();
            try (Node created = dir.export().fileSystem().mknod(dir.node(), m.name(), m.mode(), m.major(),
                    m.minor(), new Identity(dir.who().uid(), m.gid()))) {
                return new Rmessage.Rmknod(x.qid(dir.export(), created.id()));
            }
        });
    }
}
