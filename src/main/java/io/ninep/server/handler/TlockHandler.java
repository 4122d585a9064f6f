package io.ninep.server.handler;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tlock;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.ninep.server.lock.LockStatus;
import io.smallrye.mutiny.Uni;

/**
 * Tlock: a byte-range POSIX lock in the table shared by every connection, owned by (connection,
 * client_id, proc_id) and recorded under the fid, so clunk and disconnect release it. A conflicting request
 * gets BLOCKED at once, even with the BLOCK flag: the Linux client sleeps and retries, and no server
 * thread waits. Commit point: taking the lock.
 */
public final class TlockHandler implements Handler<Tlock> {

    @Override
    public Class<Tlock> messageType() {
        return Tlock.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tlock m) {
        var type = Locks.type(m.lockType());
        return x.onFid(m.fid(), fid -> {
            fid.requireOpenFile();
            x.commit();
            LockStatus status = x.services().locks().lock(Locks.key(fid), Locks.owner(x, m.clientId(), m.procId()),
                    type, m.start(), m.length(), fid.key());
            return new Rmessage.Rlock(status.wire());
        });
    }
}
