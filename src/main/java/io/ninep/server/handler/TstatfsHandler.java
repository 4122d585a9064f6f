package io.ninep.server.handler;

import io.ninep.fs.FsStats;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tstatfs;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Tstatfs: the statfs(2) of the file system holding fid. Read-only: no commit point. */
public final class TstatfsHandler implements Handler<Tstatfs> {

    @Override
    public Class<Tstatfs> messageType() {
        return Tstatfs.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tstatfs m) {
        return x.onFid(m.fid(), fid -> {
            FsStats s = fid.export().fileSystem().statfs(fid.node());
            return new Rmessage.Rstatfs(s.type(), s.blockSize(), s.blocks(), s.blocksFree(), s.blocksAvailable(),
                    s.files(), s.filesFree(), s.fsid(), s.nameMax());
        });
    }
}
