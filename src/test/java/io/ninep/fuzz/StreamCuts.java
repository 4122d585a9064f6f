package io.ninep.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The framing rule of 9P applied to a whole byte stream at once, with none of FrameAssembler's
 * buffering: read size[4], refuse it below 7 or above the limit, take that many bytes, repeat. The
 * reference the fuzz tests hold the assembler to under every chunking.
 *
 * @param frames   the frames cut, in stream order
 * @param broken   whether a size field was refused
 * @param leftover bytes after the last frame that do not make a whole frame (0 when broken)
 */
record StreamCuts(List<byte[]> frames, boolean broken, int leftover) {

    /** @param limitAt the largest frame allowed for a frame starting at the given stream offset */
    static StreamCuts of(byte[] stream, IntUnaryOperator limitAt) {
        List<byte[]> frames = new ArrayList<>();
        int at = 0;
        while (stream.length - at >= 4) {
            long size = WireTypes.sizeField(Arrays.copyOfRange(stream, at, at + 4));
            if (size < 7 || size > limitAt.applyAsInt(at)) {
                return new StreamCuts(frames, true, 0);
            }
            if (stream.length - at < size) {
                break;
            }
            frames.add(Arrays.copyOfRange(stream, at, at + (int) size));
            at += (int) size;
        }
        return new StreamCuts(frames, false, stream.length - at);
    }
}
