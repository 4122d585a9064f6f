package io.ninep.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of what the client does with the bytes a server sends: every frame either
 * decodes to a reply that re-encodes to the same bytes or is refused with its header. Regression inputs
 * live in src/test/resources/io/ninep/fuzz/ReplyDecoderFuzzTestInputs/; JAZZER_FUZZ=1 fuzzes.
 */
class ReplyDecoderFuzzTest {

    @FuzzTest(maxDuration = "8s")
    void anyFrameDecodesToAReplyThatReencodesIdenticallyOrToARefusalNamingItsHeader(FuzzedDataProvider data) {
        ReplyDecoding.check(FuzzedFrames.frame(data));
    }
}
