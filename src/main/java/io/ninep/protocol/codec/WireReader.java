package io.ninep.protocol.codec;

import io.ninep.protocol.Qid;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked little-endian reads of one message body. Every read names its field so that a
 * malformed frame is reported precisely; a read past the end of the frame throws
 * {@link MalformedFrameException} instead of an IndexOutOfBounds or BufferUnderflow exception.
 */
final class WireReader {
    private final ByteBuffer in;

    /** Reads {@code frame} from {@code bodyStart} to its limit; the caller's buffer is not moved. */
    WireReader(ByteBuffer frame, int bodyStart) {
        this.in = frame.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.in.position(bodyStart);
    }

    int u8(String field) {
        need(1, field);
        return in.get() & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        return in.getShort() & 0xFFFF;
    }

    /** An unsigned 32-bit field, its bits kept in an int. */
    int u32(String field) {
        need(4, field);
        return in.getInt();
    }

    long u64(String field) {
        need(8, field);
        return in.getLong();
    }

    Qid qid(String field) {
        need(Qid.SIZE, field);
        return new Qid(in.get() & 0xFF, in.getInt(), in.getLong());
    }

    /**
     * A string: {@code len[2]} then UTF-8 without NUL (intro(5)). Invalid UTF-8 and an embedded NUL
     * are rejected rather than replaced, so a name never silently changes on its way to the backend.
     */
    String str(String field) {
        int length = u16(field + " length");
        need(length, field);
        ByteBuffer bytes = in.slice(in.position(), length);
        for (int i = 0; i < length; i++) {
            if (bytes.get(i) == 0) {
                throw new MalformedFrameException(field + " contains a NUL byte");
            }
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            throw new MalformedFrameException(field + " is not valid UTF-8");
        }
        in.position(in.position() + length);
        return chars.toString();
    }

    /** The next {@code length} bytes as a read-only view of the frame (no copy). */
    ByteBuffer slice(int length, String field) {
        return ownedSlice(length, field).asReadOnlyBuffer();
    }

    /**
     * The next {@code length} bytes as a writable view of the frame (no copy): Twrite's data, which the
     * server's own frame holds, so that the local backend can hand its memory to pwrite without a copy.
     */
    ByteBuffer ownedSlice(int length, String field) {
        need(length, field);
        ByteBuffer view = in.slice(in.position(), length);
        in.position(in.position() + length);
        return view;
    }

    int remaining() {
        return in.remaining();
    }

    /** A message must end exactly where its size field says. */
    void expectEnd() {
        if (in.hasRemaining()) {
            throw new MalformedFrameException(in.remaining() + " trailing bytes after the message");
        }
    }

    private void need(long count, String field) {
        if (count > in.remaining()) {
            throw new MalformedFrameException("frame ends inside " + field + " (needs " + count + " bytes, "
                    + in.remaining() + " left)");
        }
    }
}
