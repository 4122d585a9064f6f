package io.ninep.server.handler;

import io.ninep.fs.FileSystem;
import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tclunk;
import io.ninep.server.Exchange;
import io.ninep.server.Fid;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Tclunk: the fid leaves the table at once (new requests naming it get EBADF); requests already holding
 * it finish, and the last one closes it and releases its locks. An xattr-write fid commits its value
 * here, and that error is the Rclunk's. The fid is gone even when the commit fails (clunk(5)).
 * Commit point: removing the fid.
 */
public final class TclunkHandler implements Handler<Tclunk> {

    @Override
    public Class<Tclunk> messageType() {
        return Tclunk.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tclunk m) {
        return x.onFid(m.fid(), fid -> {
            x.commit();
            x.session().fids().clunk(m.fid());
            Fid.XattrWrite pending = fid.pendingXattrWrite();
            if (pending != null) {
                commitXattr(fid, pending);
            }
            return new Rmessage.Rclunk();
        });
    }

    private static void commitXattr(Fid fid, Fid.XattrWrite w) {
        if (!w.complete()) {
            throw new FsException(Errno.EINVAL, "xattr value shorter than announced");
        }
        FileSystem fs = fid.export().fileSystem();
        if (w.size() == 0) {
            fs.removexattr(fid.node(), w.name());
        } else {
            fs.setxattr(fid.node(), w.name(), w.value(), w.flags());
        }
    }
}
