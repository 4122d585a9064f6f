package io.ninep.fs;

/** Receives directory entries during readdir; returns false (entry not taken) when it has no more room. */
@FunctionalInterface
public interface DirentSink {
    /**
     * @param name       entry name, including "." and ".."
     * @param id         the entry's identity (version may be 0 where unknown)
     * @param nextCookie the cookie that resumes the listing just after this entry
     */
    boolean accept(String name, FileId id, long nextCookie);
}
