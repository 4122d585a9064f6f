package io.ninep.server.lock;

import java.util.Objects;

/**
 * Who holds a lock. A POSIX lock belongs to a process; 9P2000.L names it by the pair (client_id, proc_id)
 * from Tlock. The Linux client sends its host name as client_id, so two machines (or containers) with the
 * same name would collide: the connection is part of the owner so that two clients never share one.
 */
public record LockOwner(long connectionId, String clientId, int procId) {
    public LockOwner {
        Objects.requireNonNull(clientId, "clientId");
    }
}
