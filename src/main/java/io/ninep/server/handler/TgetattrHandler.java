package io.ninep.server.handler;

import io.ninep.fs.Attributes;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tgetattr;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Tgetattr: every field the backend knows, whatever the request mask (a server may return more than
 * asked); mode always carries the type bits (PROTOCOL.md trap 2). data_version is the content version.
 * Read-only: no commit point.
 */
public final class TgetattrHandler implements Handler<Tgetattr> {

    @Override
    public Class<Tgetattr> messageType() {
        return Tgetattr.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tgetattr m) {
        return x.onFid(m.fid(), fid -> {
            Attributes a = fid.export().fileSystem().getattr(fid.node());
            return new Rmessage.Rgetattr(P9.GETATTR_ALL, x.qid(fid.export(), a.id()), a.mode(), a.uid(), a.gid(),
                    a.nlink(), a.rdev(), a.size(), a.blksize(), a.blocks(),
                    a.atime().seconds(), a.atime().nanos(), a.mtime().seconds(), a.mtime().nanos(),
                    a.ctime().seconds(), a.ctime().nanos(), a.btime().seconds(), a.btime().nanos(),
                    a.generation(), a.id().version());
        });
    }
}
