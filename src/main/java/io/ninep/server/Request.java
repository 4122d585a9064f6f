package io.ninep.server;

import io.ninep.protocol.Tmessage;
import io.ninep.protocol.codec.FrameMemory;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request in flight: its entry in the connection's pending-tag table. The subscription and the
 * resolution callbacks are touched only on the connection's event loop; {@link #state} is shared with the
 * worker running the operation.
 */
public final class Request {
    private final int tag;
    private final Tmessage message;
    private final long startNanos;
    private final long startMillis;
    private final long cost;
    private final AtomicReference<RequestState> state = new AtomicReference<>(RequestState.RUNNING);
    /** Run once the request is resolved: its reply written to the socket, or dropped. */
    private final List<Runnable> onResolved = new ArrayList<>();
    /** Only a Tread reads into a pooled buffer; other requests carry none (null). */
    private final ReplyBuffer replyBuffer;
    /**
     * The frame a Twrite's data still lives in (null for other requests), released when the request
     * resolves. A handler may read that data only after a successful {@link #commit}: until then the
     * request can be cancelled, and resolved, while its worker runs.
     */
    private final FrameMemory frame;
    private Cancellable subscription;
    private boolean replySuppressed;
    private boolean resolved;
    private int flushesWaiting;

    /**
     * @param cost bytes reserved in the memory budget for this request and its reply
     * @param frame memory the message's fields still point into, released when the request resolves; or null
     */
    Request(int tag, Tmessage message, long cost, FrameMemory frame) {
        this.cost = cost;
        this.tag = tag;
        this.message = message;
        this.frame = frame;
        this.startNanos = System.nanoTime();
        this.startMillis = System.currentTimeMillis();
        this.replyBuffer = message instanceof Tmessage.Tread ? new ReplyBuffer() : null;
    }

    public int tag() {
        return tag;
    }

    public Tmessage message() {
        return message;
    }

    public long cost() {
        return cost;
    }

    public long startNanos() {
        return startNanos;
    }

    public long startMillis() {
        return startMillis;
    }

    /**
     * Where a Tread's reply data is read in place; released when the request resolves unless written.
     * Null for every other request.
     */
    public ReplyBuffer replyBuffer() {
        return replyBuffer;
    }

    public RequestState state() {
        return state.get();
    }

    /**
     * Called by a handler right before the step that makes its effect real. Returns false when the
     * request was cancelled first: the handler must then undo what it prepared and produce nothing.
     */
    public boolean commit() {
        return state.compareAndSet(RequestState.RUNNING, RequestState.COMMITTED)
                || state.get() == RequestState.COMMITTED;
    }

    /** The event loop's attempt to cancel; fails once the handler has committed. */
    boolean tryCancel() {
        return state.compareAndSet(RequestState.RUNNING, RequestState.CANCELLED);
    }

    boolean markAnswered() {
        RequestState s = state.get();
        return s != RequestState.CANCELLED && state.compareAndSet(s, RequestState.ANSWERED);
    }

    void subscription(Cancellable subscription) {
        this.subscription = subscription;
    }

    void cancelSubscription() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** A committed request whose reply must not reach the wire (Tversion reset, connection close). */
    void suppressReply() {
        replySuppressed = true;
    }

    boolean replySuppressed() {
        return replySuppressed;
    }

    public boolean resolved() {
        return resolved;
    }

    public void whenResolved(Runnable action) {
        if (resolved) {
            action.run();
        } else {
            onResolved.add(action);
        }
    }

    public void flushWaiting() {
        flushesWaiting++;
    }

    public int flushesWaiting() {
        return flushesWaiting;
    }

    /** Also for a request dropped before it started: its buffers go back to the pool. */
    void resolve() {
        resolved = true;
        if (replyBuffer != null) {
            replyBuffer.release();
        }
        if (frame != null) {
            frame.release();
        }
        if (onResolved.isEmpty()) {
            return;
        }
        List<Runnable> actions = new ArrayList<>(onResolved);
        onResolved.clear();
        actions.forEach(Runnable::run);
    }

    @Override
    public String toString() {
        return "Request[tag=" + tag + ", " + message.getClass().getSimpleName() + ", " + state.get() + "]";
    }
}
