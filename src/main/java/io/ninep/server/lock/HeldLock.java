package io.ninep.server.lock;

/**
 * One entry of the table: an owner's lock on bytes {@code start..end} (inclusive), remembered with the fid
 * it was taken through so that clunking that fid can release it.
 */
record HeldLock(LockOwner owner, LockType type, long start, long end, long fidKey) {
    boolean overlaps(long from, long to) {
        return start <= to && from <= end;
    }

    LockRange toRange() {
        return new LockRange(type, start, LockRange.lengthOf(start, end), owner);
    }
}
