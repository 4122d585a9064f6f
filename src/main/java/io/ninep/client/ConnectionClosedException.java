package io.ninep.client;

/** The connection ended (closed by either side, a read or write failed, or the server broke the protocol). */
public final class ConnectionClosedException extends RuntimeException {

    public ConnectionClosedException(String reason) {
        super(reason);
    }

    public ConnectionClosedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
