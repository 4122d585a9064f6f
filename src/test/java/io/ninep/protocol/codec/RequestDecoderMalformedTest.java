package io.ninep.protocol.codec;

import io.ninep.posix.Errno;
import io.ninep.protocol.Frame;
import io.ninep.protocol.Tmessage.Tread;
import io.ninep.protocol.Tmessage.Treaddir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed request frames become failure values with the right errno and, where intact, the right tag. */
class RequestDecoderMalformedTest {
    private static final int TAG = 0x1234;
    private static final int MSIZE = 8192;

    private static Decoded.Failure failure(String hex, int msize) {
        return assertInstanceOf(Decoded.Failure.class, RequestDecoder.decode(Hex.buffer(hex), msize));
    }

    static Stream<Arguments> malformed() {
        String seventeenNames = "0100 61".repeat(17);
        return Stream.of(
                Arguments.of("size field larger than frame", "0c000000 78 3412 05000000", "size field says"),
                Arguments.of("size field smaller than frame", "0a000000 78 3412 05000000", "size field says"),
                Arguments.of("size field 0", "00000000 78 3412 05000000", "size field says"),
                Arguments.of("size field 4 GiB", "ffffffff 78 3412 05000000", "size field says 4294967295"),
                Arguments.of("7-byte frame of a type with a body", "07000000 78 3412", "frame ends inside fid"),
                Arguments.of("truncated fixed field", "0f000000 18 3412 08000000 ff3f0000",
                        "frame ends inside request_mask"),
                Arguments.of("truncated string length", "0c000000 4c 3412 16000000 01",
                        "frame ends inside name length"),
                Arguments.of("string length beyond frame", "17000000 1e 3412 0a000000 0b000000 1000 757365722e61",
                        "frame ends inside name"),
                Arguments.of("second string beyond frame", "19000000 10 3412 03000000 0200 6c6e 0900 746172676574 6400",
                        "frame ends inside symtgt"),
                Arguments.of("nwname 17", "44000000 6e 3412 01000000 02000000 1100" + seventeenNames,
                        "nwname 17 exceeds MAXWELEM"),
                Arguments.of("nwname beyond frame", "11000000 6e 3412 01000000 02000000 0100",
                        "frame ends inside wname[0]"),
                Arguments.of("Twrite count above data", "1a000000 76 3412 04000000 0200000000000000 04000000 686921",
                        "Twrite count 4 but 3"),
                Arguments.of("Twrite count below data", "1a000000 76 3412 04000000 0200000000000000 02000000 686921",
                        "Twrite count 2 but 3"),
                Arguments.of("Twrite count 4 GiB", "1a000000 76 3412 04000000 0200000000000000 ffffffff 686921",
                        "Twrite count 4294967295"),
                Arguments.of("trailing garbage", "0c000000 78 3412 05000000 ff", "1 trailing bytes"),
                Arguments.of("trailing garbage after empty walk", "12000000 6e 3412 01000000 02000000 0000 00",
                        "1 trailing bytes"),
                Arguments.of("invalid UTF-8", "17000000 48 3412 13000000 0200 c328 ed010000 32000000",
                        "not valid UTF-8"),
                Arguments.of("overlong UTF-8 slash", "17000000 48 3412 13000000 0200 c0af ed010000 32000000",
                        "not valid UTF-8"),
                Arguments.of("UTF-8 encoded surrogate", "18000000 48 3412 13000000 0300 eda080 ed010000 32000000",
                        "not valid UTF-8"),
                Arguments.of("NUL inside a string", "18000000 48 3412 13000000 0300 610062 ed010000 32000000",
                        "NUL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFrameIsEprotoWithItsTag(String name, String hex, String reason) {
        Decoded.Failure failure = failure(hex, MSIZE);
        assertEquals(Errno.EPROTO, failure.errno());
        assertEquals(TAG, failure.tag());
        assertTrue(failure.hasTag());
        assertFalse(failure.reason().isBlank());
        assertTrue(failure.reason().contains(reason), failure.reason());
    }

    @ParameterizedTest(name = "type {0}")
    @ValueSource(ints = {0, 255, 101, 7, 112, 124, 119})
    void unknownOrReplyTypeIsEopnotsuppWithItsTag(int type) {
        Decoded.Failure failure = failure(String.format("0b000000 %02x 3412 05000000", type), MSIZE);
        assertEquals(Errno.EOPNOTSUPP, failure.errno());
        assertEquals(TAG, failure.tag());
        assertEquals(type, failure.type());
    }

    @Test
    void rversionArrivingAsRequestIsEopnotsupp() {
        Decoded.Failure failure = failure("15000000 65 ffff 00000200 0800 3950323030302e4c", MSIZE);
        assertEquals(Errno.EOPNOTSUPP, failure.errno());
        assertEquals(0xffff, failure.tag());
    }

    @Test
    void frameShorterThanHeaderHasNoTag() {
        Decoded.Failure failure = failure("06000000 78 34", MSIZE);
        assertEquals(Errno.EPROTO, failure.errno());
        assertEquals(-1, failure.tag());
        assertEquals(-1, failure.type());
        assertFalse(failure.hasTag());
    }

    @Test
    void emptyBufferHasNoTag() {
        assertFalse(failure("", MSIZE).hasTag());
    }

    @Test
    void frameLargerThanMsizeIsRefused() {
        Decoded.Failure failure = failure("0b000000 78 3412 05000000", 10);
        assertEquals(Errno.EPROTO, failure.errno());
        assertEquals(TAG, failure.tag());
    }

    @Test
    void twriteCountAboveMsizeMinusIohdrszIsRefused() {
        // 26-byte frame carrying 3 bytes: fits msize 26, but 3 > 26 - 24.
        Decoded.Failure failure = failure("1a000000 76 3412 04000000 0200000000000000 03000000 686921", 26);
        assertEquals(Errno.EPROTO, failure.errno());
        assertTrue(failure.reason().contains("IOHDRSZ"), failure.reason());
    }

    @Test
    void twriteCountAtMsizeMinusIohdrszIsAccepted() {
        assertInstanceOf(Decoded.Ok.class,
                RequestDecoder.decode(Hex.buffer("1a000000 76 3412 04000000 0200000000000000 03000000 686921"), 27));
    }

    @Test
    void treadCountAboveMsizeIsLeftForTheServerToClamp() {
        String frame = "17000000 74 3412 03000000 0000000000000000 00001000";
        Decoded decoded = RequestDecoder.decode(Hex.buffer(frame), MSIZE);
        assertEquals(new Decoded.Ok(new Frame(TAG, new Tread(3, 0, 0x100000))), decoded);
    }

    @Test
    void treaddirCountAboveMsizeIsLeftForTheServerToClamp() {
        String frame = "17000000 28 3412 03000000 0000000000000000 ffffffff";
        Decoded decoded = RequestDecoder.decode(Hex.buffer(frame), MSIZE);
        assertEquals(new Decoded.Ok(new Frame(TAG, new Treaddir(3, 0, 0xffffffff))), decoded);
    }

    @Test
    void nwnameSixteenIsAccepted() {
        String names = "0100 61".repeat(16);
        assertInstanceOf(Decoded.Ok.class,
                RequestDecoder.decode(Hex.buffer("41000000 6e 3412 01000000 02000000 1000" + names), MSIZE));
    }
}
