package io.ninep.client;

/** A synchronous call waited longer than the client's timeout; the request stays outstanding. */
public final class ReplyTimeoutException extends RuntimeException {

    public ReplyTimeoutException(String message) {
        super(message);
    }
}
