package io.ninep.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Puts a connection's replies on its channel: frames them (an Rread from its pooled buffer, without a copy),
 * keeps every reply below msize, counts the bytes, tells the stall watch about progress, and flushes once per
 * event-loop turn instead of once per reply. Replies come back from the workers as separate tasks on the
 * event loop; the first one written queues a flush behind the tasks already waiting, so a burst of replies
 * to pipelined requests leaves in one write syscall (issue 8: batch socket writes per event-loop turn).
 * Call on the channel's event loop.
 */
final class ReplyWriter {
    private static final Logger LOG = Logger.getLogger(ReplyWriter.class);

    private final long connectionId;
    private final ChannelHandlerContext channel;
    private final IntSupplier msize;
    private final ServerStats stats;
    private final WriteStallWatch stallWatch;
    private final AtomicLong bytesOut = new AtomicLong();
    private final Runnable flush = this::flush;
    private boolean flushQueued;

    ReplyWriter(long connectionId, ChannelHandlerContext channel, IntSupplier msize, ServerStats stats,
                WriteStallWatch stallWatch) {
        this.connectionId = connectionId;
        this.channel = channel;
        this.msize = msize;
        this.stats = stats;
        this.stallWatch = stallWatch;
    }

    /**
     * Queues {@code reply}; an Rread whose data {@code owned} holds goes out from that buffer, which the
     * channel then owns and releases once written or failed. The future completes when it is in the socket.
     */
    ChannelFuture write(int tag, Rmessage reply, ReplyBuffer owned) {
        ByteBuf frame = ReplyFrames.encode(tag, reply, owned);
        // Linux drops the connection on a reply of msize bytes or more (trans_fd.c p9_read_work).
        if (frame.readableBytes() >= msize.getAsInt() && !(reply instanceof Rmessage.Rversion)) {
            LOG.errorf("connection %d: reply type %d for tag %d reaches msize; sending EIO", connectionId,
                    reply.type(), tag);
            frame.release();
            frame = ReplyFrames.encode(tag, new Rmessage.Rlerror(Errno.EIO.number()), null);
        }
        int n = frame.readableBytes();
        bytesOut.addAndGet(n);
        stats.bytesOut.addAndGet(n);
        ChannelFuture written = channel.write(frame);
        written.addListener(done -> {
            if (done.isSuccess()) {
                stallWatch.progress();
            }
        });
        if (!flushQueued) {
            flushQueued = true;
            channel.executor().execute(flush);
        }
        return written;
    }

    long bytesOut() {
        return bytesOut.get();
    }

    private void flush() {
        flushQueued = false;
        channel.flush();
    }
}
