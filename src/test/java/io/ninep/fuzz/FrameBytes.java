package io.ninep.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A request frame written field by field, so a test can write what no encoder would: any size field, any count. */
final class FrameBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private FrameBytes(int type, int tag) {
        u32(0).u8(type).u16(tag);
    }

    static FrameBytes of(int type, int tag) {
        return new FrameBytes(type, tag);
    }

    FrameBytes u8(int v) {
        out.write(v);
        return this;
    }

    FrameBytes u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    FrameBytes u32(long v) {
        return u16((int) v).u16((int) (v >>> 16));
    }

    FrameBytes u64(long v) {
        return u32(v).u32(v >>> 32);
    }

    FrameBytes str(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        u16(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    /** With a size field that counts the frame, as it should. */
    byte[] build() {
        return withSize(out.size());
    }

    /** With any size field. */
    byte[] withSize(long size) {
        byte[] frame = out.toByteArray();
        for (int i = 0; i < 4; i++) {
            frame[i] = (byte) (size >>> (8 * i));
        }
        return frame;
    }
}
