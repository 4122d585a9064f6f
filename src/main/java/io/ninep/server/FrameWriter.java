package io.ninep.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;

/**
 * Writes reply frames to a connection's channel and flushes once per event-loop turn instead of once per
 * reply. Replies come back from the workers as separate tasks on the event loop; the first one written
 * queues a flush behind the tasks already waiting, so a burst of replies to pipelined requests leaves in
 * one write syscall (issue 8: batch socket writes per event-loop turn). Call on the channel's event loop.
 */
final class FrameWriter {
    private final ChannelHandlerContext channel;
    private final Runnable flush = this::flush;
    private boolean flushQueued;

    FrameWriter(ChannelHandlerContext channel) {
        this.channel = channel;
    }

    /** Queues {@code frame}, which the channel then owns; the future completes once it is in the socket. */
    ChannelFuture write(ByteBuf frame) {
        ChannelFuture written = channel.write(frame);
        if (!flushQueued) {
            flushQueued = true;
            channel.executor().execute(flush);
        }
        return written;
    }

    private void flush() {
        flushQueued = false;
        channel.flush();
    }
}
