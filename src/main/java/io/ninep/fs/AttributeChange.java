package io.ninep.fs;

/**
 * What a setattr changes; a {@code null} field stays as it is. A time of {@link #NOW} means the server's
 * current time. {@code touchCtime} asks for ctime to be updated even when nothing else changes.
 */
public record AttributeChange(Integer mode, Integer uid, Integer gid, Long size, Timestamp atime,
                              Timestamp mtime, boolean touchCtime) {
    /** Marker for "set to the current time" (UTIME_NOW). */
    public static final Timestamp NOW = new Timestamp(-1, -1);

    public boolean isEmpty() {
        return mode == null && uid == null && gid == null && size == null && atime == null && mtime == null
                && !touchCtime;
    }
}
