package io.ninep.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.posix.Errno;
import io.ninep.protocol.codec.Decoded;
import io.ninep.protocol.codec.RequestDecoder;
import io.ninep.protocol.codec.RequestEncoder;
import java.nio.ByteBuffer;

/**
 * The oracle for one request frame: decoding never throws and never touches the caller's buffer; a
 * decoded request re-encodes to exactly the bytes it came from (the wire format has one encoding per
 * message, and the decoder refuses anything else) and decodes again to an equal request; a refusal
 * carries the header's tag and type when there is a header, and an errno from the decoder's contract.
 */
final class RequestDecoding {

    private RequestDecoding() {
    }

    static Decoded check(byte[] frame, int msize) {
        byte[] original = frame.clone();
        ByteBuffer input = ByteBuffer.wrap(frame);
        Decoded decoded = RequestDecoder.decode(input, msize);
        assertEquals(0, input.position(), "the decoder moved the caller's buffer");
        assertEquals(frame.length, input.limit(), "the decoder moved the caller's limit");
        assertArrayEquals(original, frame, "the decoder wrote into the frame");
        if (decoded instanceof Decoded.Ok) {
            checkOk((Decoded.Ok) decoded, frame, msize);
        } else {
            checkFailure((Decoded.Failure) decoded, frame, msize);
        }
        return decoded;
    }

    private static void checkOk(Decoded.Ok ok, byte[] frame, int msize) {
        assertEquals(WireTypes.sizeField(frame), frame.length, "accepted a frame whose size field lies");
        assertTrue(Integer.compareUnsigned(frame.length, msize) <= 0, "accepted a frame larger than msize");
        assertEquals(WireTypes.type(frame), ok.frame().message().type(), "decoded the wrong message type");
        assertEquals(WireTypes.tag(frame), ok.frame().tag(), "decoded the wrong tag");
        ByteBuffer reencoded = RequestEncoder.encode(ok.frame().tag(), ok.frame().message());
        byte[] bytes = new byte[reencoded.remaining()];
        reencoded.duplicate().get(bytes);
        assertArrayEquals(frame, bytes, "the decoded request re-encodes to other bytes");
        assertEquals(ok, RequestDecoder.decode(reencoded, msize), "the re-encoded request decodes differently");
    }

    private static void checkFailure(Decoded.Failure failure, byte[] frame, int msize) {
        assertFalse(failure.reason() == null || failure.reason().isBlank(), "a refusal without a reason");
        if (frame.length < 7) {
            assertFalse(failure.hasTag(), "a tag read from a frame shorter than a header");
            assertEquals(-1, failure.type());
            assertEquals(Errno.EPROTO, failure.errno());
            return;
        }
        assertTrue(failure.hasTag());
        assertEquals(WireTypes.tag(frame), failure.tag(), "a refusal carries the wrong tag");
        assertEquals(WireTypes.type(frame), failure.type(), "a refusal carries the wrong type");
        boolean framed = WireTypes.sizeField(frame) == frame.length
                && Integer.compareUnsigned(frame.length, msize) <= 0;
        if (framed && !WireTypes.isRequest(failure.type())) {
            assertEquals(Errno.EOPNOTSUPP, failure.errno(), "an unknown type must be EOPNOTSUPP");
        } else {
            assertEquals(Errno.EPROTO, failure.errno(), "a malformed frame must be EPROTO");
        }
    }
}
