package io.ninep.server.handler;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Txattrcreate;
import io.ninep.server.Exchange;
import io.ninep.server.Fid;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Txattrcreate: fid becomes an xattr-write fid; Twrites fill the value and Tclunk commits it (its error
 * goes in Rclunk). attr_size 0 removes the attribute (the Linux client's removexattr). Values are capped
 * at 64 KiB, Linux's XATTR_SIZE_MAX (E2BIG). Commit point: the state change of the fid.
 */
public final class TxattrcreateHandler implements Handler<Txattrcreate> {
    private static final long XATTR_SIZE_MAX = 65536;
    private static final int XATTR_CREATE = 1;
    private static final int XATTR_REPLACE = 2;

    @Override
    public Class<Txattrcreate> messageType() {
        return Txattrcreate.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Txattrcreate m) {
        if (m.name().isEmpty() || (m.flags() & ~(XATTR_CREATE | XATTR_REPLACE)) != 0) {
            return Uni.createFrom().failure(new FsException(Errno.EINVAL, "bad xattr name or flags"));
        }
        if (m.attrSize() < 0 || m.attrSize() > XATTR_SIZE_MAX) {
            return Uni.createFrom().failure(new FsException(Errno.E2BIG, "xattr value too large"));
        }
        return x.onFid(m.fid(), fid -> {
            x.requireWritable(fid);
            fid.transition().lock();
            try {
                fid.requireWalked();
                x.commit();
                fid.xattrWrite(new Fid.XattrWrite(m.name(), m.attrSize(), m.flags()));
                return new Rmessage.Rxattrcreate();
            } finally {
                fid.transition().unlock();
            }
        });
    }
}
