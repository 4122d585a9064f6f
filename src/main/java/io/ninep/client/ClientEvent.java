package io.ninep.client;

import io.ninep.protocol.Rmessage;

/**
 * One reply frame as it arrived, reported to listeners in wire order on the client's reader thread.
 *
 * @param arrivalNanos {@link System#nanoTime()} when the frame was complete
 * @param tag          the frame's tag, or -1 when the frame was too short to hold one
 * @param type         the frame's type byte, or -1 likewise
 * @param message      the decoded reply, or null when the frame was malformed
 * @param malformed    why the frame could not be decoded, or null when it was
 * @param awaited      whether a request was waiting on this tag (false for stray and duplicate replies)
 */
public record ClientEvent(long arrivalNanos, int tag, int type, Rmessage message, String malformed,
                          boolean awaited) {

    public boolean isMalformed() {
        return message == null;
    }
}
