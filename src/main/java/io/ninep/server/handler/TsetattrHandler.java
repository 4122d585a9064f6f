package io.ninep.server.handler;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.Timestamp;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tsetattr;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Tsetattr: chmod (mode & 07777), chown, truncate and utimes. A time bit without its _SET bit means "now".
 * Commit point: the change itself.
 */
public final class TsetattrHandler implements Handler<Tsetattr> {
    static final int MODE = 0x1;
    static final int UID = 0x2;
    static final int GID = 0x4;
    static final int SIZE = 0x8;
    static final int ATIME = 0x10;
    static final int MTIME = 0x20;
    static final int CTIME = 0x40;
    static final int ATIME_SET = 0x80;
    static final int MTIME_SET = 0x100;

    @Override
    public Class<Tsetattr> messageType() {
        return Tsetattr.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tsetattr m) {
        AttributeChange change = toChange(m);
        return x.onFid(m.fid(), fid -> {
            x.requireWritable(fid);
            x.commit();
            if (!change.isEmpty()) {
                fid.export().fileSystem().setattr(fid.node(), change, fid.who());
            }
            return new Rmessage.Rsetattr();
        });
    }

    static AttributeChange toChange(Tsetattr m) {
        int v = m.valid();
        return new AttributeChange(
                has(v, MODE) ? m.mode() & 07777 : null,
                has(v, UID) ? m.uid() : null,
                has(v, GID) ? m.gid() : null,
                has(v, SIZE) ? m.size() : null,
                has(v, ATIME) ? time(has(v, ATIME_SET), m.atimeSec(), m.atimeNsec()) : null,
                has(v, MTIME) ? time(has(v, MTIME_SET), m.mtimeSec(), m.mtimeNsec()) : null,
                has(v, CTIME));
    }

    private static Timestamp time(boolean explicit, long sec, long nsec) {
        return explicit ? new Timestamp(sec, nsec) : AttributeChange.NOW;
    }

    private static boolean has(int valid, int bit) {
        return (valid & bit) != 0;
    }
}
