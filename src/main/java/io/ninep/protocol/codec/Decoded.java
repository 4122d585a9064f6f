package io.ninep.protocol.codec;

import io.ninep.posix.Errno;
import io.ninep.protocol.Frame;

/** The outcome of decoding one request frame: a request, or why the frame was refused. */
public sealed interface Decoded permits Decoded.Ok, Decoded.Failure {

    record Ok(Frame frame) implements Decoded {
    }

    /**
     * A refused frame. {@code tag} and {@code type} are those of the header, or -1 when the frame is
     * too short to hold a header (then there is nobody to answer and the connection should close).
     * {@code errno} is {@link Errno#EOPNOTSUPP} for an unknown message type and {@link Errno#EPROTO}
     * for every malformed frame of a known type.
     */
    record Failure(int tag, int type, Errno errno, String reason) implements Decoded {

        /** Whether the header was intact, so an Rlerror can carry the request's tag. */
        public boolean hasTag() {
            return tag >= 0;
        }
    }
}
