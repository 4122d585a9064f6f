package io.ninep.server.handler;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tread;
import io.ninep.server.Exchange;
import io.ninep.server.Fid;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;
import java.nio.ByteBuffer;

/**
 * Tread: from an open file, or from the value an xattrwalk captured. count is clamped to msize − 24 so
 * the reply always fits (diod does the same); a negative offset is EINVAL. Read-only: no commit point.
 * A file is read straight into the request's pooled reply buffer, which the socket then sends as is.
 */
public final class TreadHandler implements Handler<Tread> {

    @Override
    public Class<Tread> messageType() {
        return Tread.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tread m) {
        if (m.offset() < 0) {
            return Uni.createFrom().failure(new FsException(Errno.EINVAL, "negative offset"));
        }
        int count = (int) Math.min(Integer.toUnsignedLong(m.count()), x.session().ioUnit());
        return x.onFid(m.fid(), fid -> {
            if (fid.kind() == Fid.Kind.XATTR_READ) {
                return new Rmessage.Rread(slice(fid.xattrValue(), m.offset(), count));
            }
            var file = fid.requireOpenFile();
            if (!file.mode().readable()) {
                throw new FsException(Errno.EBADF, "fid not open for reading");
            }
            var fs = fid.export().fileSystem();
            ByteBuffer data = x.request().replyBuffer().fill(count, dst -> fs.read(file, m.offset(), dst));
            x.services().stats().bytesRead.addAndGet(data.remaining());
            return new Rmessage.Rread(data);
        });
    }

    private static ByteBuffer slice(byte[] value, long offset, int count) {
        if (offset >= value.length) {
            return ByteBuffer.allocate(0);
        }
        int from = (int) offset;
        return ByteBuffer.wrap(value, from, Math.min(count, value.length - from)).slice();
    }
}
