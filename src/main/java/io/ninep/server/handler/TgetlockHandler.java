package io.ninep.server.handler;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tgetlock;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.ninep.server.lock.LockType;
import io.smallrye.mutiny.Uni;

/**
 * Tgetlock (F_GETLK): the first lock of another owner that conflicts with the described one, or the
 * request's own range with type UNLCK when nothing conflicts. Read-only: no commit point.
 */
public final class TgetlockHandler implements Handler<Tgetlock> {

    @Override
    public Class<Tgetlock> messageType() {
        return Tgetlock.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tgetlock m) {
        var type = Locks.type(m.lockType());
        return x.onFid(m.fid(), fid -> {
            fid.requireOpenFile();
            Locks.requireRange(m.start(), m.length());
            return x.services().locks().test(Locks.key(fid), Locks.owner(x, m.clientId(), m.procId()), type,
                            m.start(), m.length())
                    .map(c -> new Rmessage.Rgetlock(c.type().wire(), c.start(), c.length(), c.owner().procId(),
                            c.owner().clientId()))
                    .orElse(new Rmessage.Rgetlock(LockType.UNLOCK.wire(), m.start(), m.length(), m.procId(),
                            m.clientId()));
        });
    }
}
