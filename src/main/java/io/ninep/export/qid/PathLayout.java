package io.ninep.export.qid;

import java.nio.charset.StandardCharsets;

/**
 * How a remapped qid.path is laid out (the on-disk table depends on it; changing it means a new table version).
 *
 * <pre>
 *  bit 63   62 ........ 48   47 .................. 0
 *  0        prefix (15 bits) low 48 bits of the inode      prefixed form
 *  1        63-bit full-map value                          full-map form
 * </pre>
 *
 * Prefix 0 is the export root's device with inode high bits 0, so on a single file system qid.path equals the
 * inode, exactly as before remapping existed (and as {@code warn} gives): upgrading changes no path, and the
 * common case needs no table. Prefixes 1..32767 name one (device identity, inode bits 48..63) pair each. A
 * full-map value is a hash of (device identity, inode), so it needs no stored entry unless two keys collide.
 */
final class PathLayout {
    static final int LOW_BITS = 48;
    static final long LOW_MASK = (1L << LOW_BITS) - 1;
    static final int MAX_PREFIX = 0x7fff;
    static final long FULL_MAP = 1L << 63;
    /**
     * Prefixes one device may take. A file system with hashed 64-bit inode numbers would otherwise spend the
     * whole prefix space on itself; past the quota its files go to the full map.
     */
    static final int PREFIXES_PER_DEVICE = 64;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private PathLayout() {
    }

    /** Inode bits 48..63, the part a prefix stands for. */
    static int high(long inode) {
        return (int) (inode >>> LOW_BITS);
    }

    static long prefixed(int prefix, long inode) {
        return ((long) prefix << LOW_BITS) | (inode & LOW_MASK);
    }

    /**
     * Candidate {@code attempt} (0 first) of the full-map value of (identity, inode): FNV-1a over the identity's
     * UTF-8 bytes, the inode's and the attempt's little-endian bytes, then the SplitMix64 finalizer; bit 63 set.
     * Fixed by table version 1: every replica and every restart must compute the same value.
     */
    static long fullMapCandidate(String identity, long inode, int attempt) {
        long h = FNV_OFFSET;
        for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((inode >>> (8 * i)) & 0xff)) * FNV_PRIME;
        }
        for (int i = 0; i < 4; i++) {
            h = (h ^ ((attempt >>> (8 * i)) & 0xff)) * FNV_PRIME;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h | FULL_MAP;
    }
}
