package io.ninep.server.handler;

import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tsymlink;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Tsymlink: a symbolic link in fid's directory; the target is stored, never followed. Commit point: the symlink. */
public final class TsymlinkHandler implements Handler<Tsymlink> {

    @Override
    public Class<Tsymlink> messageType() {
        return Tsymlink.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tsymlink m) {
        Names.forCreate(m.name());
        return x.onFid(m.fid(), dir -> {
            x.requireWritable(dir);
            x.commit();
            try (Node created = dir.export().fileSystem().symlink(dir.node(), m.name(), m.symtgt(),
                    new Identity(dir.who().uid(), m.gid()))) {
                return new Rmessage.Rsymlink(x.qid(dir.export(), created.id()));
            }
        });
    }
}
