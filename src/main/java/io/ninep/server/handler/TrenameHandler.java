package io.ninep.server.handler;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Trename;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Trename: moves fid's file to dfid/name. The fid follows the inode, not a path, so this renames whatever
 * name the file has now. Commit point: the rename.
 */
public final class TrenameHandler implements Handler<Trename> {

    @Override
    public Class<Trename> messageType() {
        return Trename.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Trename m) {
        Names.forRename(m.name());
        return x.onFids(m.fid(), m.dfid(), (fid, dir) -> {
            x.requireWritable(fid);
            x.commit();
            fid.export().fileSystem().rename(fid.node(), dir.node(), m.name());
            return new Rmessage.Rrename();
        });
    }
}
