package io.ninep.server.handler;

import io.ninep.fs.FileSystem;
import io.ninep.fs.Identity;
import io.ninep.fs.OpenMode;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tlcreate;
import io.ninep.server.Exchange;
import io.ninep.server.Fid;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Tlcreate: creates name in fid's directory and opens it; fid then stands for the new, open file. O_EXCL
 * makes an existing name EEXIST; without it an existing file is opened (open(2) with O_CREAT).
 * Commit point: before the create; cancelled earlier, no file exists and the fid is unchanged.
 */
public final class TlcreateHandler implements Handler<Tlcreate> {

    @Override
    public Class<Tlcreate> messageType() {
        return Tlcreate.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tlcreate m) {
        Names.forCreate(m.name());
        OpenMode mode = OpenFlags.toMode(m.flags());
        return x.onFid(m.fid(), dir -> {
            x.requireWritable(dir);
            dir.transition().lock();
            try {
                dir.requireWalked();
                x.commit();
                FileSystem fs = dir.export().fileSystem();
                FileSystem.Created created = fs.create(dir.node(), m.name(), mode, m.mode() & 07777,
                        new Identity(dir.who().uid(), m.gid()));
                Fid file = dir.rebind(dir.number(), created.node(), Names.child(dir.path(), m.name()));
                file.opened(created.file(), false);
                try {
                    x.session().fids().replace(dir, file);
                } catch (RuntimeException e) {
                    created.file().close();
                    created.node().close();
                    throw e;
                }
                return new Rmessage.Rlcreate(x.qid(dir.export(), created.node().id()), 0);
            } finally {
                dir.transition().unlock();
            }
        });
    }
}
