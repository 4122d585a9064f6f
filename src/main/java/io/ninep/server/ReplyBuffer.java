package io.ninep.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ninep.protocol.codec.ReplyEncoder;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;

/**
 * A request's pooled reply buffer (Rread): the file system reads straight into it, behind room for the
 * reply header, and the socket sends it as is. Released exactly once whatever happens: the worker owns it
 * while filling it (and releases it if that fails); once handed over, the socket owns it when the reply
 * is written ({@link #takeFrame}), and otherwise the request releases it when resolved ({@link #release}), be it
 * cancelled, suppressed or on a closed connection. A request resolved before the worker hands its buffer
 * over refuses it: the worker releases it and gives up, as at a lost commit point.
 */
public final class ReplyBuffer {
    /** Marks the slot closed: nothing can be handed over any more. */
    private static final ByteBuf CLOSED = Unpooled.EMPTY_BUFFER;

    private final AtomicReference<ByteBuf> held = new AtomicReference<>();
    /** The view the worker filled; published by the hand-over through {@link #held}. */
    private ByteBuffer data;

    /**
     * On the worker: allocates room for {@code count} bytes, lets {@code reader} fill it from its position
     * and returns the bytes read (flipped), which live in this buffer until the reply is written.
     */
    public ByteBuffer fill(int count, ToIntFunction<ByteBuffer> reader) {
        ByteBuf buf = DirectPool.allocate(ReplyEncoder.RREAD_HEADER_SIZE + count);
        ByteBuffer view;
        try {
            view = buf.nioBuffer(ReplyEncoder.RREAD_HEADER_SIZE, count);
            reader.applyAsInt(view);
            view.flip();
        } catch (RuntimeException | Error e) {
            buf.release();
            throw e;
        }
        data = view;
        if (!held.compareAndSet(null, buf)) {
            buf.release();
            throw new Cancelled();
        }
        return view;
    }

    /**
     * On the event loop, writing the reply: the whole Rread frame, its header filled in, when
     * {@code reply} is the data this buffer holds; the caller then owns it. Otherwise null, and any
     * buffer held is released.
     */
    ByteBuf takeFrame(int tag, ByteBuffer reply) {
        ByteBuf buf = held.getAndSet(CLOSED);
        if (buf == null || buf == CLOSED) {
            return null;
        }
        if (reply != data) {
            buf.release();
            return null;
        }
        int count = reply.remaining();
        ReplyEncoder.rreadHeader(tag, count, buf.nioBuffer(0, ReplyEncoder.RREAD_HEADER_SIZE));
        return buf.writerIndex(ReplyEncoder.RREAD_HEADER_SIZE + count);
    }

    /** On the event loop, as the request resolves: releases a buffer no reply took. */
    void release() {
        ByteBuf buf = held.getAndSet(CLOSED);
        if (buf != null && buf != CLOSED) {
            buf.release();
        }
    }
}
