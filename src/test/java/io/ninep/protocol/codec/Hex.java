package io.ninep.protocol.codec;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Test helper: wire bytes written as hex, with spaces between fields for the reader's sake. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(bytes(hex));
    }

    /** The remaining bytes of {@code buffer}, without moving it. */
    static byte[] of(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    static String format(ByteBuffer buffer) {
        return HexFormat.of().formatHex(of(buffer));
    }
}
