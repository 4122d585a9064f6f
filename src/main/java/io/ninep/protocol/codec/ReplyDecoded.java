package io.ninep.protocol.codec;

import io.ninep.protocol.Rmessage;

/** The outcome of decoding one reply frame: a reply with its tag, or why the frame was refused. */
public sealed interface ReplyDecoded permits ReplyDecoded.Ok, ReplyDecoded.Failure {

    record Ok(int tag, Rmessage message) implements ReplyDecoded {
    }

    /** A refused frame; {@code tag} and {@code type} are -1 when the frame is too short for a header. */
    record Failure(int tag, int type, String reason) implements ReplyDecoded {
    }
}
