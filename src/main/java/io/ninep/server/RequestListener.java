package io.ninep.server;

import io.ninep.posix.Errno;

/** Told about the end of every request; metrics implement it. Called on the connection's event loop. */
public interface RequestListener {
    /**
     * A reply went out: {@code errno} is null for success.
     *
     * @param op lower-case message name without its T ({@code read}, {@code version}, ...)
     */
    void answered(String op, Errno errno, long nanos);

    /**
     * No reply was sent: the request was cancelled by Tflush, Tversion or close before its commit point, or
     * it had committed and Tversion or close suppressed its reply.
     */
    void dropped(String op, long nanos);

    RequestListener NONE = new RequestListener() {
        @Override
        public void answered(String op, Errno errno, long nanos) {
        }

        @Override
        public void dropped(String op, long nanos) {
        }
    };
}
