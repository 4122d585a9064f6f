package io.ninep.protocol.codec;

import io.ninep.protocol.Frame;
import io.ninep.protocol.Tmessage;
import io.ninep.protocol.Tmessage.Tattach;
import io.ninep.protocol.Tmessage.Tauth;
import io.ninep.protocol.Tmessage.Tclunk;
import io.ninep.protocol.Tmessage.Tflush;
import io.ninep.protocol.Tmessage.Tfsync;
import io.ninep.protocol.Tmessage.Tgetattr;
import io.ninep.protocol.Tmessage.Tgetlock;
import io.ninep.protocol.Tmessage.Tlcreate;
import io.ninep.protocol.Tmessage.Tlink;
import io.ninep.protocol.Tmessage.Tlock;
import io.ninep.protocol.Tmessage.Tlopen;
import io.ninep.protocol.Tmessage.Tmkdir;
import io.ninep.protocol.Tmessage.Tmknod;
import io.ninep.protocol.Tmessage.Tread;
import io.ninep.protocol.Tmessage.Treaddir;
import io.ninep.protocol.Tmessage.Treadlink;
import io.ninep.protocol.Tmessage.Tremove;
import io.ninep.protocol.Tmessage.Trename;
import io.ninep.protocol.Tmessage.Trenameat;
import io.ninep.protocol.Tmessage.Tsetattr;
import io.ninep.protocol.Tmessage.Tstatfs;
import io.ninep.protocol.Tmessage.Tsymlink;
import io.ninep.protocol.Tmessage.Tunlinkat;
import io.ninep.protocol.Tmessage.Tversion;
import io.ninep.protocol.Tmessage.Twalk;
import io.ninep.protocol.Tmessage.Twrite;
import io.ninep.protocol.Tmessage.Txattrcreate;
import io.ninep.protocol.Tmessage.Txattrwalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request, as fixed wire bytes written by hand from PROTOCOL.md's table (field order checked
 * against Linux net/9p/client.c). Spaces separate fields; the first three groups are size[4] type[1] tag[2].
 */
class RequestGoldenTest {
    private static final int TAG = 0x1234;
    private static final int MSIZE = 1 << 20;

    static Stream<Arguments> requests() {
        return Stream.of(
                golden("Tstatfs", "0b000000 08 3412 0d0c0b0a", TAG, new Tstatfs(0x0a0b0c0d)),
                golden("Tlopen", "0f000000 0c 3412 01000000 02800000", TAG, new Tlopen(1, 0x8002)),
                golden("Tlcreate", "1c000000 0e 3412 02000000 0300 6e6577 41000000 a4010000 e8030000",
                        TAG, new Tlcreate(2, "new", 0x41, 0644, 1000)),
                golden("Tsymlink", "1b000000 10 3412 03000000 0200 6c6e 0600 746172676574 64000000",
                        TAG, new Tsymlink(3, "ln", "target", 100)),
                golden("Tmknod", "21000000 12 3412 04000000 0400 6669666f a4110000 08000000 01000000 00000000",
                        TAG, new Tmknod(4, "fifo", 010644, 8, 1, 0)),
                golden("Trename", "12000000 14 3412 05000000 06000000 0100 62", TAG, new Trename(5, 6, "b")),
                golden("Treadlink", "0b000000 16 3412 07000000", TAG, new Treadlink(7)),
                golden("Tgetattr", "13000000 18 3412 08000000 ff3f000000000000", TAG, new Tgetattr(8, 0x3fff)),
                golden("Tsetattr", "43000000 1a 3412 09000000 ff010000 ed010000 e8030000 e9030000"
                                + " 0000000001000000 0100000000000000 0200000000000000 0300000000000000"
                                + " 0400000000000000",
                        TAG, new Tsetattr(9, 0x1ff, 0755, 1000, 1001, 0x100000000L, 1, 2, 3, 4)),
                golden("Txattrwalk", "17000000 1e 3412 0a000000 0b000000 0600 757365722e61",
                        TAG, new Txattrwalk(10, 11, "user.a")),
                golden("Txattrcreate", "1f000000 20 3412 0c000000 0600 757365722e62 0500000000000000 01000000",
                        TAG, new Txattrcreate(12, "user.b", 5, 1)),
                golden("Treaddir", "17000000 28 3412 0d000000 0807060504030201 e81f0000",
                        TAG, new Treaddir(13, 0x0102030405060708L, 8168)),
                golden("Tfsync", "0f000000 32 3412 0e000000 01000000", TAG, new Tfsync(14, 1)),
                golden("Tlock", "2a000000 34 3412 0f000000 01 01000000 0000000000000000 1000000000000000"
                                + " 92100000 0400 686f7374",
                        TAG, new Tlock(15, 1, 1, 0, 16, 4242, "host")),
                golden("Tgetlock", "23000000 36 3412 10000000 00 0500000000000000 0000000000000000 07000000 0100 68",
                        TAG, new Tgetlock(16, 0, 5, 0, 7, "h")),
                golden("Tlink", "15000000 46 3412 11000000 12000000 0400 68617264", TAG, new Tlink(17, 18, "hard")),
                golden("Tmkdir", "18000000 48 3412 13000000 0300 646972 ed010000 32000000",
                        TAG, new Tmkdir(19, "dir", 0755, 50)),
                golden("Trenameat", "16000000 4a 3412 14000000 0100 61 15000000 0200 6262",
                        TAG, new Trenameat(20, "a", 21, "bb")),
                golden("Tunlinkat", "12000000 4c 3412 16000000 0100 78 00020000", TAG, new Tunlinkat(22, "x", 0x200)),
                golden("Tversion", "15000000 64 ffff 00001000 0800 3950323030302e4c",
                        0xffff, new Tversion(1 << 20, "9P2000.L")),
                golden("Tauth", "14000000 66 3412 17000000 0100 75 0000 e8030000", TAG, new Tauth(23, "u", "", 1000)),
                golden("Tattach", "1f000000 68 3412 00000000 ffffffff 0400 726f6f74 0400 2f737276 ffffffff",
                        TAG, new Tattach(0, 0xffffffff, "root", "/srv", 0xffffffff)),
                golden("Tflush", "09000000 6c 3412 feff", TAG, new Tflush(0xfffe)),
                golden("Twalk", "18000000 6e 3412 01000000 02000000 0200 0100 61 0200 6263",
                        TAG, new Twalk(1, 2, List.of("a", "bc"))),
                golden("Twalk clone", "11000000 6e 3412 01000000 02000000 0000", TAG, new Twalk(1, 2, List.of())),
                golden("Tread", "17000000 74 3412 03000000 0010000000000000 00100000",
                        TAG, new Tread(3, 0x1000, 0x1000)),
                golden("Twrite", "1a000000 76 3412 04000000 0200000000000000 03000000 686921",
                        TAG, new Twrite(4, 2, ByteBuffer.wrap("hi!".getBytes(StandardCharsets.US_ASCII)))),
                golden("Tclunk", "0b000000 78 3412 05000000", TAG, new Tclunk(5)),
                golden("Tremove", "0b000000 7a 3412 06000000", TAG, new Tremove(6)),
                golden("unsigned extremes", "17000000 74 ffff ffffffff ffffffffffffffff ffffffff",
                        0xffff, new Tread(0xffffffff, -1L, 0xffffffff)),
                golden("Tlock type 255", "26000000 34 0000 01000000 ff 00000080 0000000000000080"
                                + " ffffffffffffffff 00000080 0000",
                        0, new Tlock(1, 255, 0x80000000, Long.MIN_VALUE, -1L, 0x80000000, "")),
                golden("multi-byte UTF-8", "1a000000 48 3412 01000000 0500 c3a9e282ac 00000000 00000000",
                        TAG, new Tmkdir(1, "\u00e9\u20ac", 0, 0)));
    }

    private static Arguments golden(String name, String hex, int tag, Tmessage message) {
        return Arguments.of(name, hex, tag, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void decodesHandWrittenBytes(String name, String hex, int tag, Tmessage message) {
        Decoded decoded = RequestDecoder.decode(Hex.buffer(hex), MSIZE);
        assertEquals(new Decoded.Ok(new Frame(tag, message)), decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void encodesToHandWrittenBytes(String name, String hex, int tag, Tmessage message) {
        ByteBuffer encoded = RequestEncoder.encode(tag, message);
        assertEquals(0, encoded.position());
        assertEquals(encoded.capacity(), encoded.limit(), "exactly sized");
        assertEquals(Hex.format(Hex.buffer(hex)), Hex.format(encoded));
    }

    @Test
    void twriteDataIsAViewOfTheFrameWhoseArrayPwriteCanPassWithoutACopy() {
        byte[] frame = Hex.bytes("1a000000 76 3412 04000000 0200000000000000 03000000 686921");
        Decoded decoded = RequestDecoder.decode(ByteBuffer.wrap(frame), MSIZE);
        Twrite write = (Twrite) assertInstanceOf(Decoded.Ok.class, decoded).frame().message();
        assertTrue(write.data().hasArray());
        assertSame(frame, write.data().array());
        frame[23] = 'H';
        assertEquals('H', write.data().get(write.data().position()), "shares the frame's bytes");
    }

    @Test
    void encodingTwriteLeavesItsDataUnread() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3});
        RequestEncoder.encode(1, new Twrite(1, 0, data));
        assertEquals(3, data.remaining());
    }

    @Test
    void twriteHeaderIsTheFrameUpToItsDataAndCountsTheData() {
        ByteBuffer data = ByteBuffer.wrap("hi!".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer header = RequestEncoder.encodeHeader(TAG, new Twrite(4, 2, data));
        assertEquals(Hex.buffer("1a000000 76 3412 04000000 0200000000000000 03000000"), header);
        assertEquals(3, data.remaining());
    }

    @Test
    void decodesAFrameThatStartsInsideALargerBuffer() {
        ByteBuffer buffer = Hex.buffer("eeee 0b000000 78 3412 05000000 eeee");
        buffer.position(2).limit(13);
        assertEquals(new Decoded.Ok(new Frame(TAG, new Tclunk(5))), RequestDecoder.decode(buffer, MSIZE));
        assertEquals(2, buffer.position(), "the caller's buffer does not move");
    }

    @Test
    void decodedTwriteDataStartsAtThePayload() {
        String frame = "1a000000 76 3412 04000000 0200000000000000 03000000 686921";
        Decoded decoded = RequestDecoder.decode(Hex.buffer(frame), MSIZE);
        Twrite write = (Twrite) ((Decoded.Ok) decoded).frame().message();
        assertArrayEquals("hi!".getBytes(StandardCharsets.US_ASCII), Hex.of(write.data()));
    }
}
