package io.ninep.bench;

/** Why a run cannot go on, worded for the operator: what was being done, and what went wrong. */
public final class BenchFailure extends RuntimeException {

    public BenchFailure(String message) {
        super(message);
    }

    public BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
