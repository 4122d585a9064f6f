package io.ninep.server.handler;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Twrite;
import io.ninep.server.Exchange;
import io.ninep.server.Fid;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;
import java.nio.ByteBuffer;

/**
 * Twrite: to an open file, or into a pending xattr value. Never answers Rwrite 0 for a non-empty write
 * (the Linux client would retry forever): ENOSPC instead. Commit point: before the first byte is written,
 * and before the data is read at all, since it may live in a pooled frame that a cancelled request
 * gives back while this worker still runs ({@code Request#frame}).
 */
public final class TwriteHandler implements Handler<Twrite> {

    @Override
    public Class<Twrite> messageType() {
        return Twrite.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Twrite m) {
        if (m.offset() < 0) {
            return Uni.createFrom().failure(new FsException(Errno.EINVAL, "negative offset"));
        }
        return x.onFid(m.fid(), fid -> {
            ByteBuffer data = m.data().duplicate();
            if (fid.kind() == Fid.Kind.XATTR_WRITE) {
                byte[] bytes = new byte[data.remaining()];
                x.commit();
                data.get(bytes);
                return new Rmessage.Rwrite(fid.pendingXattrWrite().append(m.offset(), bytes));
            }
            var file = fid.requireOpenFile();
            if (!file.mode().writable()) {
                throw new FsException(Errno.EBADF, "fid not open for writing");
            }
            x.requireWritable(fid);
            int wanted = data.remaining();
            x.commit();
            int written = fid.export().fileSystem().write(file, m.offset(), data);
            if (written == 0 && wanted > 0) {
                throw new FsException(Errno.ENOSPC, "nothing written");
            }
            x.services().stats().bytesWritten.addAndGet(written);
            return new Rmessage.Rwrite(written);
        });
    }
}
