package io.ninep.server;

/**
 * The life of one request (LESSONS.md §1 and §4). Transitions:
 * <pre>
 *   RUNNING   → COMMITTED   the handler reached its commit point: its effect is real, its reply must be sent
 *   RUNNING   → CANCELLED   Tflush, Tversion or close came first: no effect, reply dropped
 *   RUNNING   → ANSWERED    a reply (result or error) was produced without a commit point
 *   COMMITTED → ANSWERED
 * </pre>
 * Only the event loop moves a request to ANSWERED; COMMITTED is set by the worker that runs the operation,
 * CANCELLED by the event loop. Both go through a compare-and-set from RUNNING, so exactly one wins.
 */
public enum RequestState {
    RUNNING, COMMITTED, CANCELLED, ANSWERED
}
