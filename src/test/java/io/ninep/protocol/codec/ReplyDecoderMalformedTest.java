package io.ninep.protocol.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed reply frames become failure values; the client closes the connection on them, as Linux does. */
class ReplyDecoderMalformedTest {
    private static final int TAG = 0x1234;

    static Stream<Arguments> malformed() {
        String seventeenQids = "00 00000000 0100000000000000".repeat(17);
        return Stream.of(
                Arguments.of("size field larger than frame", "08000000 79 3412", "size field says"),
                Arguments.of("size field 4 GiB", "ffffffff 79 3412", "size field says"),
                Arguments.of("trailing garbage", "08000000 79 3412 00", "trailing bytes"),
                Arguments.of("truncated Rlerror", "09000000 07 3412 0200", "frame ends inside ecode"),
                Arguments.of("truncated qid", "10000000 69 3412 80 00000000 48000000", "frame ends inside qid"),
                Arguments.of("Rread count above data", "0e000000 75 3412 04000000 616263", "Rread count"),
                Arguments.of("Rread count below data", "0e000000 75 3412 02000000 616263", "Rread count"),
                Arguments.of("Rreaddir count below data",
                        "24000000 29 3412 00000000 80 00000000 0100000000000000 0100000000000000 04 0100 2e",
                        "Rreaddir count"),
                Arguments.of("Rreaddir entry split by its count",
                        "29000000 29 3412 1e000000 80 00000000 0100000000000000 0100000000000000 04 0100 2e"
                                + " 00 00 00 00 00", "frame ends inside entry[1] qid"),
                Arguments.of("Rreaddir name beyond count",
                        "29000000 29 3412 1e000000 80 00000000 0100000000000000 0100000000000000 04 0700 2e"
                                + " 2e 2e 2e 2e 2e", "frame ends inside entry[0] name"),
                Arguments.of("nwqid 17", "e6000000 6f 3412 1100" + seventeenQids, "nwqid 17 exceeds MAXWELEM"),
                Arguments.of("string beyond frame", "0d000000 17 3412 0500 2e2e2f74", "frame ends inside target"),
                Arguments.of("NUL in string", "0d000000 17 3412 0400 2e2e0074", "NUL"),
                Arguments.of("Tversion as reply", "15000000 64 3412 00000200 0800 3950323030302e4c",
                        "not a 9P2000.L reply"),
                Arguments.of("9P2000 Rerror", "0d000000 6b 3412 0400 6f6f7073", "not a 9P2000.L reply"),
                Arguments.of("type 0", "07000000 00 3412", "not a 9P2000.L reply"),
                Arguments.of("type 255", "07000000 ff 3412", "not a 9P2000.L reply"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedReplyIsAFailureWithItsTag(String name, String hex, String reason) {
        ReplyDecoded.Failure failure =
                assertInstanceOf(ReplyDecoded.Failure.class, ReplyDecoder.decode(Hex.buffer(hex)));
        assertEquals(TAG, failure.tag());
        assertTrue(failure.reason().contains(reason), failure.reason());
    }

    @Test
    void frameShorterThanHeaderHasNoTag() {
        ReplyDecoded.Failure failure = assertInstanceOf(ReplyDecoded.Failure.class,
                ReplyDecoder.decode(Hex.buffer("07000000 79")));
        assertEquals(-1, failure.tag());
        assertEquals(-1, failure.type());
    }
}
