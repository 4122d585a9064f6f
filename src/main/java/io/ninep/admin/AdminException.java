package io.ninep.admin;

import jakarta.ws.rs.core.Response;

/** An admin request that cannot be served as asked: unknown connection or export, bad input. */
public final class AdminException extends RuntimeException {
    private final Response.Status status;

    AdminException(Response.Status status, String message) {
        super(message);
        this.status = status;
    }

    static AdminException notFound(String message) {
        return new AdminException(Response.Status.NOT_FOUND, message);
    }

    static AdminException badRequest(String message) {
        return new AdminException(Response.Status.BAD_REQUEST, message);
    }

    Response.Status status() {
        return status;
    }
}
