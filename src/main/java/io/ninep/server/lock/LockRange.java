package io.ninep.server.lock;

import java.util.Objects;

/**
 * A lock as Tlock and Rgetlock describe it: {@code length} 0 means "to the end of the file", however far it
 * grows. Offsets are unsigned on the wire; the table only accepts values that fit a non-negative long.
 */
public record LockRange(LockType type, long start, long length, LockOwner owner) {
    public LockRange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("negative lock range " + start + "+" + length);
        }
    }

    /** The last byte covered, inclusive; {@link Long#MAX_VALUE} for a lock to the end of the file. */
    public long end() {
        return endOf(start, length);
    }

    /**
     * A range that would run past the largest offset can only mean "to the end", which is how Linux itself
     * clamps such fcntl requests to OFFSET_MAX; {@code start} and {@code length} must be non-negative.
     */
    static long endOf(long start, long length) {
        if (length == 0 || length - 1 > Long.MAX_VALUE - start) {
            return Long.MAX_VALUE;
        }
        return start + (length - 1);
    }

    /** The inverse of {@link #endOf}: the wire length for an inclusive range. */
    static long lengthOf(long start, long end) {
        return end == Long.MAX_VALUE ? 0 : end - start + 1;
    }
}
