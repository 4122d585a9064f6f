package io.ninep.server.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Hand-built request frames for what the client's encoder refuses to produce: unknown types, too many
 * walk names, strings whose length runs past the frame, size fields that lie. Little-endian, as on the wire.
 */
final class RawFrame {
    private final int type;
    private final int tag;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private RawFrame(int type, int tag) {
        this.type = type;
        this.tag = tag;
    }

    static RawFrame of(int type, int tag) {
        return new RawFrame(type, tag);
    }

    RawFrame u16(int value) {
        return put(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value));
    }

    RawFrame u32(int value) {
        return put(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value));
    }

    RawFrame str(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return lengthPrefixed(bytes.length, bytes);
    }

    /** A string whose len[2] says {@code declared} while {@code bytes} follow. */
    RawFrame lengthPrefixed(int declared, byte[] bytes) {
        u16(declared);
        body.writeBytes(bytes);
        return this;
    }

    /** The frame with a truthful size field. */
    byte[] bytes() {
        return bytesWithSize(7 + body.size());
    }

    /** The frame with {@code sizeField} in place of its real length. */
    byte[] bytesWithSize(int sizeField) {
        ByteBuffer frame = ByteBuffer.allocate(7 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(sizeField).put((byte) type).putShort((short) tag).put(body.toByteArray());
        return frame.array();
    }

    private RawFrame put(ByteBuffer field) {
        body.writeBytes(field.array());
        return this;
    }
}
