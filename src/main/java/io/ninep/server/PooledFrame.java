package io.ninep.server;

import io.netty.buffer.ByteBuf;
import io.ninep.protocol.codec.FrameMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A request frame in pooled direct memory. Big frames are Twrites in practice: on the heap a 1 MiB one
 * was a humongous object, zeroed, copied once more into pwrite's reach and soon garbage (a fifth of the
 * server's CPU went to the collector under 1 MiB writes, issue 8). Small frames stay on the heap, where
 * allocation is cheapest. Touched only on the connection's event loop.
 */
final class PooledFrame implements FrameMemory {
    /** Frames up to this size are heap frames. */
    static final int HEAP_LIMIT = 8192;

    private final ByteBuf buf;
    private final ByteBuffer buffer;
    private boolean released;

    private PooledFrame(int capacity) {
        this.buf = DirectPool.allocate(capacity);
        this.buffer = buf.nioBuffer(0, capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    static FrameMemory allocate(int capacity) {
        return capacity > HEAP_LIMIT ? new PooledFrame(capacity) : FrameMemory.heap(capacity);
    }

    @Override
    public ByteBuffer buffer() {
        return buffer;
    }

    @Override
    public void release() {
        if (!released) {
            released = true;
            buf.release();
        }
    }
}
