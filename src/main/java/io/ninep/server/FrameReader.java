package io.ninep.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import io.ninep.protocol.codec.FrameAssembler;
import io.ninep.protocol.codec.FrameMemory;
import io.vertx.core.net.impl.NetSocketInternal;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The inbound side of a connection: takes Netty's read buffers as they are (Vert.x's data handler would
 * first copy each into a fresh heap buffer, garbage by the gigabyte under 1 MiB writes, issue 8), cuts
 * them into frames in pooled memory and hands each frame on. Backpressure is then ours to apply, on the
 * channel's autoRead. While a big frame arrives, the socket is read straight into the frame's own memory,
 * which spares a copy of every Twrite's data. A broken stream, or a frame that cannot get memory, closes
 * the connection. Touched only on the connection's event loop.
 */
final class FrameReader {
    private static final Logger LOG = Logger.getLogger(FrameReader.class);
    /** Largest socket read; Netty's default of 64 KiB took 16 reads, each a trip through the pipeline, per 1 MiB Twrite. */
    private static final int MAX_READ = 256 * 1024;
    /** Reads straight into a frame once this much of it is still missing; below, a copy costs less than a read. */
    private static final int DIRECT_READ_MINIMUM = 32 * 1024;
    /**
     * One read per connection each time its event loop turns: with Netty's 16 for NIO sockets, one connection's
     * burst of 1 MiB Twrites held up the others (write at 32 × 16: p99 0.97–1.12 s against 0.34 s with one).
     */
    private static final int READS_PER_TURN = 1;

    private final long connectionId;
    private final NetSocketInternal socket;
    private final Channel channel;
    private final FrameAssembler assembler;
    private final ServerStats stats;
    private final Consumer<FrameMemory> frames;
    private final Runnable close;
    private final AtomicLong bytesIn = new AtomicLong();
    private volatile long lastActivityMillis = System.currentTimeMillis();
    private boolean ended;
    /** The last read buffer that was a frame's own room; until Netty releases or hands it over, no other. */
    private ByteBuf direct;

    /**
     * @param frames takes each frame, and with it the duty to release it
     * @param close  closes the connection when the stream cannot go on
     */
    FrameReader(long connectionId, NetSocketInternal socket, int maxFrameSize, ServerStats stats,
                Consumer<FrameMemory> frames, Runnable close) {
        this.connectionId = connectionId;
        this.socket = socket;
        this.channel = socket.channelHandlerContext().channel();
        this.assembler = new FrameAssembler(maxFrameSize, PooledFrame::allocate);
        this.stats = stats;
        this.frames = frames;
        this.close = close;
    }

    void start() {
        socket.messageHandler(this::onMessage);
        AdaptiveRecvByteBufAllocator sizes = new AdaptiveRecvByteBufAllocator(64, 2048, MAX_READ);
        sizes.maxMessagesPerRead(READS_PER_TURN);
        channel.config().setRecvByteBufAllocator(new IntoFrames(sizes));
    }

    /** What arrives after reading stops (the rest of a read batch at most) is still handed on. */
    void reading(boolean on) {
        channel.config().setAutoRead(on);
    }

    /** The negotiated msize, for frames whose size field has not arrived yet. */
    void maxFrameSize(int msize) {
        assembler.maxFrameSize(msize);
    }

    /** The connection closed: nothing more is taken, and a frame still arriving is released. */
    void end() {
        ended = true;
        assembler.discard();
    }

    long bytesIn() {
        return bytesIn.get();
    }

    long lastActivityMillis() {
        return lastActivityMillis;
    }

    private void onMessage(Object message) {
        try {
            if (message instanceof ByteBuf && !ended) {
                ByteBuf bytes = (ByteBuf) message;
                counted(bytes.readableBytes());
                if (bytes == direct) {
                    assembler.filled(bytes.readableBytes(), frames);
                } else {
                    onBytes(bytes.nioBuffer());
                }
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void counted(int bytes) {
        lastActivityMillis = System.currentTimeMillis();
        bytesIn.addAndGet(bytes);
        stats.bytesIn.addAndGet(bytes);
    }

    /**
     * The free room of the frame arriving, as the buffer of the next read; null: read into Netty's own buffer.
     * A room buffer that Netty still holds (refCnt above 0) has not reached {@link #onMessage} yet, so its bytes
     * are not counted in the frame: another room now would overlap it.
     */
    private ByteBuf roomForRead() {
        if (ended || (direct != null && direct.refCnt() > 0)) {
            return null;
        }
        direct = null;
        ByteBuffer room;
        try {
            room = assembler.room(DIRECT_READ_MINIMUM);
        } catch (OutOfMemoryError e) {
            noMemory(e);
            return null;
        }
        if (room == null) {
            return null;
        }
        // The wrapper never frees what it wraps: the frame's memory stays the frame's.
        direct = Unpooled.wrappedBuffer(room).clear();
        return direct;
    }

    private void onBytes(ByteBuffer chunk) {
        boolean intact;
        try {
            intact = assembler.feed(chunk, frames);
        } catch (OutOfMemoryError e) {
            noMemory(e);
            return;
        }
        if (!intact) {
            stats.decodeErrors.incrementAndGet();
            LOG.infof("connection %d: broken frame (size outside 7..%d), closing", connectionId,
                    assembler.maxFrameSize());
            close.run();
        }
    }

    /**
     * Direct memory for a frame ran out (Netty's pool throws this; the JVM would not exit on it): this stream is
     * lost, the others go on.
     */
    private void noMemory(OutOfMemoryError e) {
        LOG.warnf("connection %d: no memory for a frame (%s), closing", connectionId, e.getMessage());
        ended = true;
        close.run();
    }

    /** Netty's adaptive read sizes, except that a read goes into the arriving frame when it has room. */
    private final class IntoFrames implements RecvByteBufAllocator {
        private final RecvByteBufAllocator sizes;

        IntoFrames(RecvByteBufAllocator sizes) {
            this.sizes = sizes;
        }

        @Override
        public Handle newHandle() {
            return new DelegatingHandle(sizes.newHandle()) {
                @Override
                public ByteBuf allocate(ByteBufAllocator alloc) {
                    ByteBuf room = roomForRead();
                    return room != null ? room : super.allocate(alloc);
                }
            };
        }
    }
}
