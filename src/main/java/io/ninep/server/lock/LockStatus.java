package io.ninep.server.lock;

/**
 * The Rlock status. BLOCKED is answered at once, never after waiting: for a BLOCK request the Linux client
 * sleeps and sends Tlock again, so a server-side wait would only tie up a thread. GRACE (3) is not used:
 * locks are not reclaimed after a restart.
 */
public enum LockStatus {
    SUCCESS(0),
    BLOCKED(1),
    ERROR(2);

    private final int wire;

    LockStatus(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }
}
