package io.ninep.protocol.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The memory one frame lives in while it arrives and while its request is served. Heap frames are left
 * to the garbage collector; a server may hand out pooled off-heap ones instead, so that a 1 MiB Twrite
 * is neither a humongous heap object nor a copy away from pwrite (issue 8). Whoever holds a frame last
 * releases it, once.
 */
public interface FrameMemory {
    /** Little-endian; the assembler fills it from position 0 and hands it over flipped. */
    ByteBuffer buffer();

    void release();

    static FrameMemory heap(int capacity) {
        ByteBuffer buffer = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
        return new FrameMemory() {
            @Override
            public ByteBuffer buffer() {
                return buffer;
            }

            @Override
            public void release() {
            }
        };
    }
}
