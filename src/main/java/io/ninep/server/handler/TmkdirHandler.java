package io.ninep.server.handler;

import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tmkdir;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Tmkdir: a directory in dfid, owned by the attached user and gid. Commit point: the mkdir itself. */
public final class TmkdirHandler implements Handler<Tmkdir> {

    @Override
    public Class<Tmkdir> messageType() {
        return Tmkdir.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tmkdir m) {
        Names.forCreate(m.name());
        return x.onFid(m.dfid(), dir -> {
            x.requireWritable(dir);
            x.commit();
            try (Node created = dir.export().fileSystem().mkdir(dir.node(), m.name(), m.mode() & 07777,
                    new Identity(dir.who().uid(), m.gid()))) {
                return new Rmessage.Rmkdir(x.qid(dir.export(), created.id()));
            }
        });
    }
}
