package io.ninep.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * Pooled direct memory for Rread replies, which the file system fills and the socket sends without a copy,
 * and for request frames above {@link PooledFrame#HEAP_LIMIT}, which pwrite takes as they are (issue 8).
 * A pool of its own, without thread caches: reply buffers are allocated on workers and freed on event
 * loops, where a cache would only strand them, and its count of buffers in use is then exact. What
 * admitted requests hold stays within the memory budget (each buffer fits its request's reservation);
 * freed chunks are kept for the next requests.
 */
final class DirectPool {
    /** 8 KiB pages, 4 MiB chunks: a 1 MiB-msize reply (msize − 24 + 11 bytes) fits its 1 MiB size class. */
    private static final PooledByteBufAllocator ALLOCATOR = new PooledByteBufAllocator(
            true, 0, PooledByteBufAllocator.defaultNumDirectArena(), 8192, 9, 0, 0, false);

    private DirectPool() {
    }

    static ByteBuf allocate(int bytes) {
        return ALLOCATOR.directBuffer(bytes, bytes);
    }

    /** Buffers allocated and not yet released. */
    static long inUse() {
        long n = 0;
        for (PoolArenaMetric arena : ALLOCATOR.directArenas()) {
            n += arena.numActiveAllocations();
        }
        return n;
    }
}
