package io.ninep.server.handler;

import io.ninep.fs.FileSystem;
import io.ninep.fs.FileType;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tlopen;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Tlopen: opens fid's file with the translated flags; an open fid cannot be opened again (EINVAL).
 * Opening for write, or with O_TRUNC, on a read-only export is EROFS. Commit point: with O_TRUNC, before
 * the open (the truncation is the effect); otherwise after it, and a cancelled open is closed again.
 * iounit 0 lets the client use msize − 24.
 */
public final class TlopenHandler implements Handler<Tlopen> {

    @Override
    public Class<Tlopen> messageType() {
        return Tlopen.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tlopen m) {
        OpenMode mode = OpenFlags.toMode(m.flags());
        return x.onFid(m.fid(), fid -> {
            if (mode.writable() || mode.truncate()) {
                x.requireWritable(fid);
            }
            fid.transition().lock();
            try {
                fid.requireWalked();
                if (mode.truncate()) {
                    x.commit();
                }
                FileSystem fs = fid.export().fileSystem();
                OpenFile file = fs.open(fid.node(), mode, fid.who());
                try {
                    x.commit();
                    fid.opened(file, fid.node().id().type() == FileType.DIRECTORY);
                } catch (RuntimeException e) {
                    file.close();
                    throw e;
                }
                return new Rmessage.Rlopen(x.qid(fid.export(), fs.getattr(fid.node()).id()), 0);
            } finally {
                fid.transition().unlock();
            }
        });
    }
}
