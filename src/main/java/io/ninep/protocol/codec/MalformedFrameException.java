package io.ninep.protocol.codec;

/**
 * Thrown by {@link WireReader} when a frame breaks the wire format; the decoders catch it at their
 * boundary and turn it into a failure value, so it never escapes the package. It carries no stack
 * trace: a hostile peer can make us build one per frame.
 */
final class MalformedFrameException extends RuntimeException {

    MalformedFrameException(String reason) {
        super(reason, null, false, false);
    }
}
