package io.ninep.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.codec.ReplyEncoder;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pooled Rread buffer is released exactly once on every path, and framed byte for byte as encoded. */
class ReplyBufferTest {
    private static final byte[] DATA = {1, 2, 3, 4, 5};
    private long baseline;

    @BeforeEach
    void recordBaseline() {
        baseline = DirectPool.inUse();
    }

    @AfterEach
    void everyBufferIsBackInThePool() {
        assertEquals(baseline, DirectPool.inUse(), "pooled reply buffers still in use");
    }

    private static int put(ByteBuffer dst, byte[] bytes) {
        dst.put(bytes);
        return bytes.length;
    }

    @Test
    void takenFrameIsTheEncodedRreadAndTheCallerReleasesIt() {
        ReplyBuffer buffer = new ReplyBuffer();
        ByteBuffer data = buffer.fill(4096, dst -> put(dst, DATA));
        assertEquals(DATA.length, data.remaining());

        ByteBuf frame = buffer.takeFrame(0x1234, data);
        byte[] expected = toArray(ReplyEncoder.encode(0x1234, new Rmessage.Rread(ByteBuffer.wrap(DATA))));
        assertArrayEquals(expected, ByteBufUtil.getBytes(frame));
        assertEquals(baseline + 1, DirectPool.inUse());
        frame.release();
        buffer.release();
    }

    @Test
    void bufferOfAnUnansweredRequestIsReleasedWhenItResolves() {
        ReplyBuffer buffer = new ReplyBuffer();
        buffer.fill(4096, dst -> put(dst, DATA));
        buffer.release();
        buffer.release();
    }

    @Test
    void workerFinishingAfterTheRequestResolvedReleasesItsBufferAndGivesUp() {
        ReplyBuffer buffer = new ReplyBuffer();
        buffer.release();
        assertThrows(Cancelled.class, () -> buffer.fill(4096, dst -> put(dst, DATA)));
    }

    @Test
    void failingReadReleasesTheBufferAndRethrows() {
        ReplyBuffer buffer = new ReplyBuffer();
        assertThrows(IllegalStateException.class, () -> buffer.fill(4096, dst -> {
            throw new IllegalStateException("EIO");
        }));
        assertNull(buffer.takeFrame(1, null));
    }

    @Test
    void replyOtherThanTheBufferedDataReleasesTheBuffer() {
        ReplyBuffer buffer = new ReplyBuffer();
        buffer.fill(4096, dst -> put(dst, DATA));
        assertNull(buffer.takeFrame(1, ByteBuffer.wrap(DATA)));
        assertNull(buffer.takeFrame(1, null));
    }

    @Test
    void framesAreEncodedInPlaceOnlyForTheirOwnData() {
        ReplyBuffer buffer = new ReplyBuffer();
        ByteBuffer data = buffer.fill(16, dst -> put(dst, DATA));
        ByteBuf inPlace = ReplyFrames.encode(7, new Rmessage.Rread(data), buffer);
        assertEquals(baseline + 1, DirectPool.inUse());
        assertNull(buffer.takeFrame(7, data));
        inPlace.release();

        ReplyBuffer unused = new ReplyBuffer();
        unused.fill(16, dst -> put(dst, DATA));
        ByteBuf error = ReplyFrames.encode(7, new Rmessage.Rlerror(5), unused);
        assertEquals(baseline, DirectPool.inUse());
        error.release();
    }

    @Test
    void racingResolutionsAndWorkersReleaseEveryBufferOnce() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 2000; round++) {
                ReplyBuffer buffer = new ReplyBuffer();
                Future<?> worker = workers.submit(() -> {
                    try {
                        buffer.fill(65536, dst -> put(dst, DATA));
                    } catch (Cancelled expected) {
                        // The request resolved first; the buffer went back to the pool.
                    }
                });
                if (round % 2 == 0) {
                    buffer.release();
                } else {
                    ByteBuf frame = buffer.takeFrame(1, null);
                    assertNull(frame);
                }
                worker.get(10, TimeUnit.SECONDS);
                buffer.release();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static byte[] toArray(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
