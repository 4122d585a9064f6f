package io.ninep.server.handler;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tunlinkat;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Tunlinkat: unlinkat(2); flags may hold only AT_REMOVEDIR. Commit point: the unlink. */
public final class TunlinkatHandler implements Handler<Tunlinkat> {
    private static final int AT_REMOVEDIR = 0x200;

    @Override
    public Class<Tunlinkat> messageType() {
        return Tunlinkat.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tunlinkat m) {
        if ((m.flags() & ~AT_REMOVEDIR) != 0) {
            return Uni.createFrom().failure(new FsException(Errno.EINVAL, "unknown unlinkat flags"));
        }
        Names.forRemove(m.name());
        return x.onFid(m.dirfid(), dir -> {
            x.requireWritable(dir);
            x.commit();
            dir.export().fileSystem().unlinkat(dir.node(), m.name(), (m.flags() & AT_REMOVEDIR) != 0);
            return new Rmessage.Runlinkat();
        });
    }
}
