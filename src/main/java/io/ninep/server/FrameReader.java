package io.ninep.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
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
 * channel's autoRead. A broken stream, or a frame that cannot get memory, closes the connection. Touched
 * only on the connection's event loop.
 */
final class FrameReader {
    private static final Logger LOG = Logger.getLogger(FrameReader.class);
    /** Largest socket read; Netty's default of 64 KiB took 16 reads, each a trip through the pipeline, per 1 MiB Twrite. */
    private static final int MAX_READ = 256 * 1024;

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
        channel.config().setRecvByteBufAllocator(new AdaptiveRecvByteBufAllocator(64, 2048, MAX_READ));
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
                onBytes(((ByteBuf) message).nioBuffer());
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void onBytes(ByteBuffer chunk) {
        lastActivityMillis = System.currentTimeMillis();
        bytesIn.addAndGet(chunk.remaining());
        stats.bytesIn.addAndGet(chunk.remaining());
        boolean intact;
        try {
            intact = assembler.feed(chunk, frames);
        } catch (OutOfMemoryError e) {
            // Direct memory for a frame ran out (Netty's pool throws this, the JVM would not exit on it):
            // this stream is lost, the others go on.
            LOG.warnf("connection %d: no memory for a frame (%s), closing", connectionId, e.getMessage());
            close.run();
            return;
        }
        if (!intact) {
            stats.decodeErrors.incrementAndGet();
            LOG.infof("connection %d: broken frame (size outside 7..%d), closing", connectionId,
                    assembler.maxFrameSize());
            close.run();
        }
    }
}
