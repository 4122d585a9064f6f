package io.ninep.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ninep.protocol.codec.FrameAssembler;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of what the server does with the bytes a client sends: the request decoder on
 * any frame, and the frame assembler on any stream cut into any reads. Regression inputs live in
 * src/test/resources/io/ninep/fuzz/RequestDecoderFuzzTestInputs/; JAZZER_FUZZ=1 fuzzes.
 */
class RequestDecoderFuzzTest {
    /** Limits around the edges: a bare header, tiny, the smallest negotiable, Linux's default and 1 MiB. */
    private static final int[] LIMITS = {7, 8, 11, 23, 64, 4096, 8192, 131072, 1 << 20};
    /** msize as the decoder receives it, including absurd values no session negotiates. */
    private static final int[] MSIZES = {0, 7, 31, 4096, 8192, 1 << 20, Integer.MAX_VALUE, -1};

    @FuzzTest(maxDuration = "8s")
    void anyFrameDecodesToARequestThatReencodesIdenticallyOrToASaneRefusal(FuzzedDataProvider data) {
        int msize = data.pickValue(MSIZES);
        RequestDecoding.check(FuzzedFrames.frame(data), msize);
    }

    @FuzzTest(maxDuration = "8s")
    void anyChunkingOfAStreamCutsTheFramesOfTheFramingRule(FuzzedDataProvider data) {
        int firstLimit = data.pickValue(LIMITS);
        int laterLimit = data.pickValue(LIMITS);
        int limitChangesAfterRead = data.consumeInt(0, 32);
        boolean emptyReads = data.consumeBoolean();
        int[] readSizes = new int[data.consumeInt(1, 4)];
        for (int i = 0; i < readSizes.length; i++) {
            readSizes[i] = data.consumeInt(1, 40);
        }
        byte[] stream = FuzzedFrames.stream(data, 48);

        FrameAssembler assembler = new FrameAssembler(firstLimit);
        List<ByteBuffer> frames = new ArrayList<>();
        int fed = 0;
        int limitChangedAt = Integer.MAX_VALUE;
        boolean intact = true;
        for (int read = 0; fed < stream.length; read++) {
            int n = Math.min(readSizes[read % readSizes.length], stream.length - fed);
            if (emptyReads) {
                assertEquals(intact, assembler.feed(ByteBuffer.allocate(0), f -> frames.add(f.buffer())), "an empty read changed state");
            }
            boolean more = assembler.feed(ByteBuffer.wrap(stream, fed, n), f -> frames.add(f.buffer()));
            assertTrue(intact || !more, "the assembler recovered from a framing error");
            intact = more;
            fed += n;
            assertTrue(assembler.buffered() <= Math.max(4, Math.max(firstLimit, assembler.maxFrameSize())),
                    "a pending frame holds more than the frame limit");
            if (read == limitChangesAfterRead) {
                assembler.maxFrameSize(laterLimit);
                limitChangedAt = fed;
            }
        }

        int changedAt = limitChangedAt;
        StreamCuts expected = StreamCuts.of(stream, start -> start + 4 <= changedAt ? firstLimit : laterLimit);
        assertEquals(!expected.broken(), intact, "framing error reported differently than the rule says");
        assertEquals(expected.frames().size(), frames.size(), "a different number of frames");
        int start = 0;
        for (int i = 0; i < frames.size(); i++) {
            ByteBuffer frame = frames.get(i);
            assertEquals(0, frame.position());
            assertEquals(ByteOrder.LITTLE_ENDIAN, frame.order());
            byte[] bytes = new byte[frame.remaining()];
            frame.get(bytes);
            assertArrayEquals(expected.frames().get(i), bytes, "frame " + i + " differs");
            RequestDecoding.check(bytes, start + 4 <= changedAt ? firstLimit : laterLimit);
            start += bytes.length;
        }
        if (intact) {
            assertEquals(expected.leftover(), assembler.buffered(), "bytes of an unfinished frame went missing");
        }
        assertFalse(!intact && assembler.feed(ByteBuffer.wrap(new byte[] {7, 0, 0, 0, 100, 0, 0}), f -> frames.add(f.buffer())),
                "the assembler accepted bytes after a framing error");
    }
}
