package io.ninep.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayOutputStream;

/**
 * Byte streams shaped by the fuzzer. Frames with an honest size field and a chosen type reach the body
 * decoders at once, where a purely random size field would end nearly every stream at its first four
 * bytes; raw runs between them keep every other byte sequence reachable.
 */
final class FuzzedFrames {
    private static final int MAX_BODY = 96;
    private static final int MAX_RAW = 24;

    private FuzzedFrames() {
    }

    /** One frame: the fuzzer's bytes, with the true length written into the size field when it says so. */
    static byte[] frame(FuzzedDataProvider data) {
        boolean honestSize = data.consumeBoolean();
        byte[] frame = data.consumeRemainingAsBytes();
        return honestSize ? WireTypes.withTrueSize(frame) : frame;
    }

    /** Up to {@code maxParts} parts, each an honestly sized frame of a chosen type or a run of raw bytes. */
    static byte[] stream(FuzzedDataProvider data, int maxParts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int part = 0; part < maxParts && data.remainingBytes() > 0; part++) {
            if (data.consumeInt(0, 7) == 0) {
                out.writeBytes(data.consumeBytes(data.consumeInt(0, MAX_RAW)));
            } else {
                int type = data.consumeInt(0, 255);
                int tag = data.consumeInt(0, 0xFFFF);
                byte[] body = data.consumeBytes(data.consumeInt(0, MAX_BODY));
                byte[] frame = new byte[7 + body.length];
                frame[4] = (byte) type;
                frame[5] = (byte) tag;
                frame[6] = (byte) (tag >>> 8);
                System.arraycopy(body, 0, frame, 7, body.length);
                out.writeBytes(WireTypes.withTrueSize(frame));
            }
        }
        return out.toByteArray();
    }
}
