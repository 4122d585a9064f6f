package io.ninep.protocol.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A {@link WireSink} that writes little-endian into a buffer of exactly the message's size. */
final class WireWriter implements WireSink {
    private final ByteBuffer out;

    WireWriter(int size) {
        this.out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public WireSink u8(int value) {
        out.put((byte) WireSink.checkU8(value));
        return this;
    }

    @Override
    public WireSink u16(int value) {
        out.putShort((short) WireSink.checkU16(value));
        return this;
    }

    @Override
    public WireSink u32(int value) {
        out.putInt(value);
        return this;
    }

    @Override
    public WireSink u64(long value) {
        out.putLong(value);
        return this;
    }

    @Override
    public WireSink str(String value) {
        byte[] bytes = WireSink.utf8(value);
        out.putShort((short) bytes.length);
        out.put(bytes);
        return this;
    }

    @Override
    public WireSink data(ByteBuffer data) {
        out.put(data.duplicate());
        return this;
    }

    /** The written message, flipped; the buffer was sized by a {@link SizeCounter} pass, so it is full. */
    ByteBuffer finish() {
        if (out.hasRemaining()) {
            throw new IllegalStateException("encoder wrote " + out.position() + " of " + out.capacity() + " bytes");
        }
        return out.flip();
    }
}
