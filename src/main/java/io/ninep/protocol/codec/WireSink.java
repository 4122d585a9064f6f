package io.ninep.protocol.codec;

import io.ninep.protocol.Qid;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Where an encoder puts a message: {@link SizeCounter} measures it, {@link WireWriter} writes it.
 * Both run the same per-message code, so the size an encoder announces can never disagree with the
 * bytes it writes. Out-of-range values are caller bugs and throw {@link IllegalArgumentException}:
 * writing them would put bytes on the wire that mean something else.
 */
interface WireSink {

    WireSink u8(int value);

    WireSink u16(int value);

    /** An unsigned 32-bit field, its bits taken from an int. */
    WireSink u32(int value);

    WireSink u64(long value);

    /** A string as {@code len[2]} + UTF-8. */
    WireSink str(String value);

    /** The remaining bytes of {@code data}, without moving its position. */
    WireSink data(ByteBuffer data);

    default WireSink qid(Qid qid) {
        return u8(qid.type()).u32(qid.version()).u64(qid.path());
    }

    static int checkU8(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("value " + value + " does not fit in one byte");
        }
        return value;
    }

    static int checkU16(int value) {
        if ((value & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("value " + value + " does not fit in two bytes");
        }
        return value;
    }

    static byte[] utf8(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("string of " + bytes.length + " bytes exceeds len[2]");
        }
        return bytes;
    }
}
