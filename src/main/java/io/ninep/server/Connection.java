package io.ninep.server;

import io.netty.channel.ChannelFuture;
import io.ninep.export.Policies;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.protocol.codec.Decoded;
import io.ninep.protocol.codec.FrameMemory;
import io.ninep.protocol.codec.RequestDecoder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One 9P connection. Everything here runs on the socket's event-loop context (STYLE.md: one object per
 * connection, touched only on its own context); workers hand results back through {@link #onContext}.
 *
 * <p>The pending-tag table maps each tag in flight to its {@link Request}. A tag is free again only when
 * its reply is written or dropped. A request reusing a tag still in flight cannot be answered in a way
 * the client would not mistake for the original's reply, so the connection is closed and the violation
 * counted. Requests before Tversion get Rlerror EPROTO and the connection stays open.
 */
public final class Connection {
    private static final Logger LOG = Logger.getLogger(Connection.class);

    private final long id;
    private final NetSocket socket;
    private final Context context;
    private final Executor onContext;
    private final Session session;
    private final Dispatcher dispatcher;
    private final Consumer<Connection> closeListener;
    /** The export policies requests arriving now are processed under; replaced only on this context. */
    private Policies policies;
    private final ServerStats stats;
    private final RequestListener listener;
    private final FrameReader reader;
    private final Map<Integer, Request> pending = new HashMap<>();
    /** Requests received but not yet started: waiting for room in the pending table or the memory budget. */
    private final ArrayDeque<Request> backlog = new ArrayDeque<>();
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private final MemoryShare memory;
    private final WriteStallWatch stallWatch;
    private final ReplyWriter writer;
    private boolean waitingForBudget;
    private final long startedMillis = System.currentTimeMillis();
    private final AtomicLong requestsServed = new AtomicLong();
    private volatile boolean pausedForBackpressure;
    private boolean versionBarrier;
    private boolean draining;
    private boolean closed;
    private long versionTimer = -1;
    private long idleTimer = -1;

    public Connection(long id, NetSocket socket, Context context, Session session, Dispatcher dispatcher,
                      Policies policies, Consumer<Connection> closeListener) {
        this.closeListener = closeListener;
        this.policies = policies;
        this.id = id;
        this.socket = socket;
        this.context = context;
        this.onContext = task -> context.runOnContext(v -> task.run());
        this.session = session;
        this.dispatcher = dispatcher;
        this.stats = session.services().stats();
        this.listener = session.services().listener();
        this.memory = new MemoryShare(session.services().budget(),
                session.services().config().connectionMemoryLimit());
        this.stallWatch = new WriteStallWatch(context.owner(),
                session.services().config().writeStallTimeout().toMillis(), socket::writeQueueFull, this::onWriteStall);
        this.writer = new ReplyWriter(id, ((NetSocketInternal) socket).channelHandlerContext(), session::msize,
                stats, stallWatch);
        this.reader = new FrameReader(id, (NetSocketInternal) socket, session.services().config().maxMsize(), stats,
                this::onFrame, this::close);
    }

    /** Wires the socket; call on the connection's context. */
    public void start() {
        reader.start();
        socket.closeHandler(v -> onClosed());
        socket.exceptionHandler(t -> LOG.debugf(t, "connection %d: socket error", id));
        socket.drainHandler(v -> admit());
        startIdleTimer();
        long timeout = session.services().config().versionTimeout().toMillis();
        versionTimer = context.owner().setTimer(timeout, t -> {
            if (!session.versioned() && !closed) {
                LOG.infof("connection %d: no Tversion within %d ms, closing", id, timeout);
                socket.close();
            }
        });
    }

    private void startIdleTimer() {
        long idle = session.services().config().idleTimeout().toMillis();
        if (idle <= 0) {
            return;
        }
        idleTimer = context.owner().setPeriodic(Math.max(1000, idle / 4), t -> {
            if (pending.isEmpty() && backlog.isEmpty()
                    && System.currentTimeMillis() - reader.lastActivityMillis() >= idle) {
                LOG.infof("connection %d: idle for %d ms, closing", id, idle);
                close();
            }
        });
    }

    /**
     * Decodes a frame into a request. Only a Twrite's data still points into the frame after decoding, so
     * the request keeps that frame until it resolves; every other frame is released at once.
     */
    private void onFrame(FrameMemory frame) {
        Decoded decoded = closed ? null : RequestDecoder.decode(frame.buffer(), session.msize());
        boolean keepsFrame = decoded instanceof Decoded.Ok
                && ((Decoded.Ok) decoded).frame().message() instanceof Tmessage.Twrite;
        int frameSize = frame.buffer().limit();
        if (!keepsFrame) {
            frame.release();
        }
        if (decoded == null) {
            return;
        }
        if (decoded instanceof Decoded.Failure) {
            Decoded.Failure f = (Decoded.Failure) decoded;
            stats.decodeErrors.incrementAndGet();
            if (tagInFlight(f.tag())) {
                return;
            }
            LOG.debugf("connection %d: tag %d: %s", id, f.tag(), f.reason());
            write(f.tag(), new Rmessage.Rlerror(f.errno().number()));
            return;
        }
        int tag = ((Decoded.Ok) decoded).frame().tag();
        Tmessage message = ((Decoded.Ok) decoded).frame().message();
        if (tagInFlight(tag)) {
            if (keepsFrame) {
                frame.release();
            }
            return;
        }
        Request request = new Request(tag, message, Admission.cost(frameSize, message, session.msize()),
                keepsFrame ? frame : null);
        if (message instanceof Tmessage.Tflush) {
            admitFlush(request, (Tmessage.Tflush) message);
        } else {
            backlog.add(request);
            admit();
        }
    }

    /**
     * Starts requests from the backlog in arrival order while the pending table has room, no Tversion is
     * resetting the session, the peer takes its replies (a full write queue means the replies of new
     * requests would only pile up), and both this connection's memory share and the global budget grant
     * the reservation. Otherwise waits: for a reply to be written, the queue to drain, or budget room.
     */
    private void admit() {
        while (!backlog.isEmpty() && !closed && !versionBarrier && !socket.writeQueueFull()
                && pending.size() < session.services().config().maxPending()) {
            Request next = backlog.peek();
            if (!memory.withinCap(next.cost())) {
                break;
            }
            if (!memory.tryReserve(next.cost())) {
                if (!waitingForBudget) {
                    waitingForBudget = true;
                    stats.budgetWaits.incrementAndGet();
                    memory.await(next.cost(), () -> context.runOnContext(v -> {
                        waitingForBudget = false;
                        admit();
                    }));
                }
                break;
            }
            backlog.poll();
            start(next);
        }
        updateReading();
    }

    /**
     * A Tflush never queues behind the backlog (kernel lesson: a flush can always be sent). When its
     * oldtag is still waiting for admission, that request simply never starts: no effect, no reply.
     */
    private void admitFlush(Request flush, Tmessage.Tflush m) {
        Request queued = backlog.stream().filter(r -> r.tag() == m.oldtag()).findFirst().orElse(null);
        if (queued != null) {
            backlog.remove(queued);
            queued.resolve();
            stats.flushDropped.incrementAndGet();
            listener.dropped(queued.message().opName(), System.nanoTime() - queued.startNanos());
            write(flush.tag(), new Rmessage.Rflush());
            admit();
            return;
        }
        memory.forceReserve(flush.cost());
        start(flush);
    }

    private void start(Request request) {
        if (!session.versioned() && !(request.message() instanceof Tmessage.Tversion)) {
            memory.release(request.cost());
            request.resolve();
            write(request.tag(), new Rmessage.Rlerror(Errno.EPROTO.number()));
            return;
        }
        pending.put(request.tag(), request);
        Uni<Rmessage> reply = dispatcher.dispatch(new Exchange(request, session, this, policies));
        request.subscription(reply.emitOn(onContext).subscribe()
                .withSubscriber(new ReplySubscriber(r -> complete(request, r))));
    }

    /** A tag reused while in flight closes the connection (see the class comment). */
    private boolean tagInFlight(int tag) {
        if (!pending.containsKey(tag) && backlog.stream().noneMatch(r -> r.tag() == tag)) {
            return false;
        }
        stats.tagReuse.incrementAndGet();
        LOG.warnf("connection %d: tag %d reused while in flight, closing", id, tag);
        close();
        return true;
    }

    private void complete(Request request, Rmessage reply) {
        if (request.state() == RequestState.CANCELLED || request.resolved() || !request.markAnswered()) {
            return;
        }
        pending.remove(request.tag());
        long nanos = System.nanoTime() - request.startNanos();
        if (request.replySuppressed() || closed) {
            listener.dropped(request.message().opName(), nanos);
            finish(request);
            return;
        }
        requestsServed.incrementAndGet();
        Errno errno = reply instanceof Rmessage.Rlerror
                ? Errno.of(((Rmessage.Rlerror) reply).ecode()).orElse(Errno.EIO) : null;
        listener.answered(request.message().opName(), errno, nanos);
        write(request.tag(), reply, request.replyBuffer()).addListener(done -> finish(request));
    }

    /** The request's reply is written or dropped: its tag and its memory are free again. */
    private void finish(Request request) {
        memory.release(request.cost());
        request.resolve();
        if (draining && pending.isEmpty() && backlog.isEmpty()) {
            socket.close();
        }
        admit();
    }

    /**
     * Cancels a request before its commit point: no effect, no reply, tag free at once. Returns false when
     * the request has committed; its reply will still be sent, and {@link Request#whenResolved} tells when.
     */
    public boolean cancel(Request request) {
        if (!request.tryCancel()) {
            return false;
        }
        request.cancelSubscription();
        pending.remove(request.tag());
        listener.dropped(request.message().opName(), System.nanoTime() - request.startNanos());
        finish(request);
        return true;
    }

    public Request pendingRequest(int tag) {
        return pending.get(tag);
    }

    /**
     * Aborts every request but {@code except}: those not yet committed are cancelled, committed ones finish
     * with their reply suppressed. Completes once all are resolved (Tversion, close).
     */
    public Uni<Void> abortAll(Request except) {
        List<Request> waiting = new ArrayList<>();
        for (Request r : new ArrayList<>(pending.values())) {
            if (r == except) {
                continue;
            }
            if (!cancel(r)) {
                r.suppressReply();
                waiting.add(r);
            }
        }
        if (waiting.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(em -> {
            int[] left = {waiting.size()};
            for (Request r : waiting) {
                r.whenResolved(() -> {
                    if (--left[0] == 0) {
                        em.complete(null);
                    }
                });
            }
        });
    }

    /** Stops reading new requests until {@link #endVersionBarrier}: Tversion resets the session alone. */
    public void beginVersionBarrier() {
        versionBarrier = true;
        if (versionTimer >= 0) {
            context.owner().cancelTimer(versionTimer);
            versionTimer = -1;
        }
        updateReading();
    }

    public void endVersionBarrier(int msize) {
        versionBarrier = false;
        reader.maxFrameSize(msize);
        admit();
    }

    private ChannelFuture write(int tag, Rmessage reply) {
        return write(tag, reply, null);
    }

    private ChannelFuture write(int tag, Rmessage reply, ReplyBuffer owned) {
        ChannelFuture written = writer.write(tag, reply, owned);
        if (socket.writeQueueFull()) {
            stallWatch.queueFilled();
            updateReading();
        }
        return written;
    }

    private void onWriteStall() {
        stats.writeStalls.incrementAndGet();
        LOG.infof("connection %d: peer took no reply for %d ms with its write queue full, closing", id,
                session.services().config().writeStallTimeout().toMillis());
        close();
    }

    /** Reads only while the pending table has room, the peer drains its replies and no Tversion runs. */
    private void updateReading() {
        if (closed) {
            return;
        }
        if (draining) {
            return;
        }
        boolean shouldPause = versionBarrier || !backlog.isEmpty()
                || pending.size() >= session.services().config().maxPending() || socket.writeQueueFull();
        if (shouldPause && !pausedForBackpressure) {
            pausedForBackpressure = true;
            if (!versionBarrier) {
                stats.backpressurePauses.incrementAndGet();
            }
            reader.reading(false);
        } else if (!shouldPause && pausedForBackpressure) {
            pausedForBackpressure = false;
            reader.reading(true);
        }
    }

    /**
     * Stops reading new requests, lets those already received finish and be answered, then closes.
     * Completes when the connection is closed. Call on this connection's context.
     */
    public CompletableFuture<Void> drain() {
        if (!closed) {
            draining = true;
            reader.reading(false);
            if (pending.isEmpty() && backlog.isEmpty()) {
                socket.close();
            }
        }
        return closedFuture;
    }

    public boolean draining() {
        return draining;
    }

    /** Closes the socket; pending work is aborted and every fid and lock released in {@link #onClosed}. */
    public void close() {
        if (!closed) {
            socket.close();
        }
    }

    private void onClosed() {
        if (closed) {
            return;
        }
        closed = true;
        backlog.forEach(Request::resolve);
        backlog.clear();
        reader.end();
        if (versionTimer >= 0) {
            context.owner().cancelTimer(versionTimer);
        }
        if (idleTimer >= 0) {
            context.owner().cancelTimer(idleTimer);
        }
        stallWatch.stop();
        stats.connectionsClosed.incrementAndGet();
        abortAll(null).subscribe().with(v -> {
            session.fids().clear();
            session.services().locks().releaseConnection(id);
        });
        closeListener.accept(this);
        closedFuture.complete(null);
    }

    /** Installs new policies on this connection's context; completes when installed (the acknowledgement). */
    public CompletableFuture<Void> install(Policies next) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        context.runOnContext(v -> {
            policies = next;
            ack.complete(null);
        });
        return ack;
    }

    /** Sets the policies directly; call on this connection's context. */
    void policies(Policies current) {
        this.policies = current;
    }

    public long id() {
        return id;
    }

    public Session session() {
        return session;
    }

    public Context context() {
        return context;
    }

    public String remoteAddress() {
        return String.valueOf(socket.remoteAddress());
    }

    public long startedMillis() {
        return startedMillis;
    }

    public long lastActivityMillis() {
        return reader.lastActivityMillis();
    }

    public long requestsServed() {
        return requestsServed.get();
    }

    public long bytesIn() {
        return reader.bytesIn();
    }

    public long bytesOut() {
        return writer.bytesOut();
    }

    public boolean pausedForBackpressure() {
        return pausedForBackpressure;
    }

    /** Bytes of the memory budget this connection holds; call on the connection's context. */
    public long memoryHeld() {
        return memory.held();
    }

    /** A copy of the pending-tag table; call on the connection's context. */
    public List<Request> pendingSnapshot() {
        return List.copyOf(pending.values());
    }
}
