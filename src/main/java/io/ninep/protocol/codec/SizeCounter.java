package io.ninep.protocol.codec;

import java.nio.ByteBuffer;

/** A {@link WireSink} that only adds up how many bytes a message takes. */
final class SizeCounter implements WireSink {
    private int size;

    int size() {
        return size;
    }

    @Override
    public WireSink u8(int value) {
        WireSink.checkU8(value);
        size += 1;
        return this;
    }

    @Override
    public WireSink u16(int value) {
        WireSink.checkU16(value);
        size += 2;
        return this;
    }

    @Override
    public WireSink u32(int value) {
        size += 4;
        return this;
    }

    @Override
    public WireSink u64(long value) {
        size += 8;
        return this;
    }

    @Override
    public WireSink str(String value) {
        size += 2 + WireSink.utf8(value).length;
        return this;
    }

    @Override
    public WireSink data(ByteBuffer data) {
        size += data.remaining();
        return this;
    }
}
