package io.ninep.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.codec.ReplyEncoder;

/** Replies as frames for the socket, which then owns (and releases) them. */
final class ReplyFrames {
    private ReplyFrames() {
    }

    /**
     * An Rread whose data {@code owned} holds is framed in place; any other reply is encoded anew, and a
     * buffer {@code owned} still held (the reply is not its Rread) is released.
     */
    static ByteBuf encode(int tag, Rmessage reply, ReplyBuffer owned) {
        if (owned != null) {
            ByteBuf inPlace = owned.takeFrame(tag, reply instanceof Rmessage.Rread r ? r.data() : null);
            if (inPlace != null) {
                return inPlace;
            }
        }
        return Unpooled.wrappedBuffer(ReplyEncoder.encode(tag, reply));
    }
}
