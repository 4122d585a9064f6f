package io.ninep.server.handler;

import io.ninep.fs.FsException;
import io.ninep.fs.OpenFile;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tfsync;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Tfsync: fsync(2), or fdatasync(2) when datasync is set, of an open file or directory. No commit point. */
public final class TfsyncHandler implements Handler<Tfsync> {

    @Override
    public Class<Tfsync> messageType() {
        return Tfsync.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tfsync m) {
        return x.onFid(m.fid(), fid -> {
            OpenFile file = fid.openFile();
            if (file == null) {
                throw new FsException(Errno.EBADF, "fid not open");
            }
            fid.export().fileSystem().fsync(file, m.datasync() != 0);
            return new Rmessage.Rfsync();
        });
    }
}
