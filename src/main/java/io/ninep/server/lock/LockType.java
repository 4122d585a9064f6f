package io.ninep.server.lock;

/** The lock types of Tlock and Tgetlock, with their 9P2000.L wire values (RDLCK 0, WRLCK 1, UNLCK 2). */
public enum LockType {
    READ(0),
    WRITE(1),
    UNLOCK(2);

    private final int wire;

    LockType(int wire) {
        this.wire = wire;
    }

    public static LockType fromWire(int value) {
        return switch (value) {
            case 0 -> READ;
            case 1 -> WRITE;
            case 2 -> UNLOCK;
            default -> throw new IllegalArgumentException("unknown lock type " + value);
        };
    }

    public int wire() {
        return wire;
    }

    /** Read locks share; a write lock excludes every lock of another owner (POSIX fcntl). */
    boolean conflictsWith(LockType held) {
        return this == WRITE || held == WRITE;
    }
}
