package io.ninep.fs.memory;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The bytes of a regular file as a sparse map of pages. A hole costs nothing, so {@code truncate -s 1T}
 * allocates nothing. Each page covers {@link #PAGE_SIZE} bytes of the file, but its array only grows (in
 * {@link #GRAIN} steps, doubling) as far as data was written into it, so a small file stays small.
 * Invariant: every array byte at or beyond {@code size} is zero, so growing the file exposes zeros.
 * Not thread-safe: the owning inode's lock guards it.
 */
final class FileData {
    static final int PAGE_SHIFT = 16;
    static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    /** The allocation step, the page size Linux charges tmpfs in. */
    static final int GRAIN = 4096;
    private static final byte[] ZEROS = new byte[PAGE_SIZE];

    private final NavigableMap<Long, byte[]> pages = new TreeMap<>();
    private long size;
    private long allocated;

    long size() {
        return size;
    }

    /** Bytes of arrays held, which the budget was charged and st_blocks reports. */
    long allocatedBytes() {
        return allocated;
    }

    /** Copies the bytes at {@code offset} into {@code dst} (zeros for holes); 0 at or past the end. */
    int read(long offset, ByteBuffer dst) {
        if (offset >= size) {
            return 0;
        }
        int count = (int) Math.min(dst.remaining(), size - offset);
        int done = 0;
        while (done < count) {
            long position = offset + done;
            int within = (int) (position & (PAGE_SIZE - 1));
            int chunk = Math.min(count - done, PAGE_SIZE - within);
            byte[] page = pages.get(position >>> PAGE_SHIFT);
            int stored = page == null ? 0 : Math.max(0, Math.min(chunk, page.length - within));
            if (stored > 0) {
                dst.put(page, within, stored);
            }
            dst.put(ZEROS, 0, chunk - stored);
            done += chunk;
        }
        return count;
    }

    /**
     * Copies {@code src} to {@code offset}, growing the file as needed. Stops early, at a {@link #GRAIN}
     * boundary, when the budget cannot pay for more, so the result may be short; 0 means nothing fitted.
     */
    int write(long offset, ByteBuffer src, Budget budget) {
        int count = src.remaining();
        int done = 0;
        while (done < count) {
            long position = offset + done;
            int within = (int) (position & (PAGE_SIZE - 1));
            int chunk = Math.min(count - done, PAGE_SIZE - within);
            byte[] page = pageHolding(position >>> PAGE_SHIFT, within + chunk, budget);
            int room = page == null ? 0 : Math.min(chunk, page.length - within);
            if (room <= 0) {
                break;
            }
            src.get(page, within, room);
            done += room;
            if (room < chunk) {
                break;
            }
        }
        size = Math.max(size, offset + done);
        return done;
    }

    /** Sets the size: shrinking drops whole pages past it and zeroes the tail of the last one. */
    void truncate(long newSize, Budget budget) {
        if (newSize < size) {
            Map<Long, byte[]> beyond = pages.tailMap((newSize + PAGE_SIZE - 1) >>> PAGE_SHIFT, true);
            for (byte[] page : beyond.values()) {
                release(page.length, budget);
            }
            beyond.clear();
            shrinkLastPage(newSize, budget);
        }
        size = newSize;
    }

    /** Returns every page to the budget. */
    void free(Budget budget) {
        release(allocated, budget);
        pages.clear();
        size = 0;
    }

    private void shrinkLastPage(long newSize, Budget budget) {
        int within = (int) (newSize & (PAGE_SIZE - 1));
        long index = newSize >>> PAGE_SHIFT;
        byte[] last = within == 0 ? null : pages.get(index);
        if (last == null || last.length <= within) {
            return;
        }
        int kept = roundUp(within);
        if (kept < last.length) {
            release(last.length - kept, budget);
            last = Arrays.copyOf(last, kept);
            pages.put(index, last);
        }
        Arrays.fill(last, within, kept, (byte) 0);
    }

    /**
     * The page {@code index} grown to hold {@code needed} bytes of array, or as many as the budget pays for
     * (then possibly shorter); null when there is no such page and no room for one.
     */
    private byte[] pageHolding(long index, int needed, Budget budget) {
        byte[] page = pages.get(index);
        int have = page == null ? 0 : page.length;
        if (have >= needed) {
            return page;
        }
        int length = Math.min(PAGE_SIZE, Math.max(roundUp(needed), have * 2));
        if (!budget.reserveBytes(length - have)) {
            length = have + (int) budget.reserveUpTo(roundUp(needed) - have, GRAIN);
            if (length == have) {
                return page;
            }
        }
        byte[] grown = page == null ? new byte[length] : Arrays.copyOf(page, length);
        pages.put(index, grown);
        allocated += length - have;
        return grown;
    }

    private void release(long bytes, Budget budget) {
        allocated -= bytes;
        budget.releaseBytes(bytes);
    }

    private static int roundUp(int bytes) {
        return (bytes + GRAIN - 1) / GRAIN * GRAIN;
    }
}
