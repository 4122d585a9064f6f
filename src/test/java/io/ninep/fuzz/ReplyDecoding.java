package io.ninep.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.protocol.codec.ReplyDecoded;
import io.ninep.protocol.codec.ReplyDecoder;
import io.ninep.protocol.codec.ReplyEncoder;
import java.nio.ByteBuffer;

/**
 * The oracle for one reply frame, as the client decodes it: never an exception, the caller's buffer
 * untouched, a decoded reply re-encodes to exactly its bytes and decodes again to an equal reply, and a
 * refusal names the header's tag and type when there is a header.
 */
final class ReplyDecoding {

    private ReplyDecoding() {
    }

    static ReplyDecoded check(byte[] frame) {
        byte[] original = frame.clone();
        ByteBuffer input = ByteBuffer.wrap(frame);
        ReplyDecoded decoded = ReplyDecoder.decode(input);
        assertEquals(0, input.position(), "the decoder moved the caller's buffer");
        assertEquals(frame.length, input.limit(), "the decoder moved the caller's limit");
        assertArrayEquals(original, frame, "the decoder wrote into the frame");
        if (decoded instanceof ReplyDecoded.Ok) {
            checkOk((ReplyDecoded.Ok) decoded, frame);
        } else {
            checkFailure((ReplyDecoded.Failure) decoded, frame);
        }
        return decoded;
    }

    private static void checkOk(ReplyDecoded.Ok ok, byte[] frame) {
        assertEquals(WireTypes.sizeField(frame), frame.length, "accepted a frame whose size field lies");
        assertTrue(WireTypes.isReply(WireTypes.type(frame)), "accepted a type that is no 9P2000.L reply");
        assertEquals(WireTypes.type(frame), ok.message().type(), "decoded the wrong message type");
        assertEquals(WireTypes.tag(frame), ok.tag(), "decoded the wrong tag");
        ByteBuffer reencoded = ReplyEncoder.encode(ok.tag(), ok.message());
        assertEquals(frame.length, ReplyEncoder.encodedSize(ok.message()), "encodedSize disagrees with encode");
        byte[] bytes = new byte[reencoded.remaining()];
        reencoded.duplicate().get(bytes);
        assertArrayEquals(frame, bytes, "the decoded reply re-encodes to other bytes");
        assertEquals(ok, ReplyDecoder.decode(reencoded), "the re-encoded reply decodes differently");
    }

    private static void checkFailure(ReplyDecoded.Failure failure, byte[] frame) {
        assertFalse(failure.reason() == null || failure.reason().isBlank(), "a refusal without a reason");
        if (frame.length < 7) {
            assertEquals(-1, failure.tag(), "a tag read from a frame shorter than a header");
            assertEquals(-1, failure.type());
            return;
        }
        assertEquals(WireTypes.tag(frame), failure.tag(), "a refusal carries the wrong tag");
        assertEquals(WireTypes.type(frame), failure.type(), "a refusal carries the wrong type");
    }
}
