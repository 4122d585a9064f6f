package io.ninep.client;

/** A request was answered with a reply of the wrong type (neither its own reply nor Rlerror). */
public final class UnexpectedReplyException extends RuntimeException {

    public UnexpectedReplyException(String message) {
        super(message);
    }
}
