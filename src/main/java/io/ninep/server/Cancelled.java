package io.ninep.server;

/** Thrown on a worker when a request was flushed before its commit point; its reply is never sent. */
final class Cancelled extends RuntimeException {
    Cancelled() {
        super("request cancelled before its commit point", null, false, false);
    }
}
