package io.ninep.protocol.codec;

import io.ninep.protocol.P9;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The {@code size[4] type[1] tag[2]} header of a frame, read without trusting {@code size}. */
record Header(long size, int type, int tag, int length, int bodyStart) {

    /** The header of {@code frame} (its remaining bytes), or null when it is shorter than a header. */
    static Header of(ByteBuffer frame) {
        int length = frame.remaining();
        if (length < P9.HEADER_SIZE) {
            return null;
        }
        ByteBuffer in = frame.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = in.position();
        return new Header(Integer.toUnsignedLong(in.getInt(start)), in.get(start + 4) & 0xFF,
                in.getShort(start + 5) & 0xFFFF, length, start + P9.HEADER_SIZE);
    }

    static String tooShort(ByteBuffer frame) {
        return "frame of " + frame.remaining() + " bytes is shorter than the 7-byte header";
    }

    /** Why the size field cannot be trusted, or null when it counts exactly the frame's bytes. */
    String sizeMismatch() {
        return size == length ? null : "size field says " + size + " but the frame has " + length + " bytes";
    }
}
