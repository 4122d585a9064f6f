package io.ninep.client;

import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The requests in flight, by tag. Automatic tags are the lowest free one, reused as soon as it is
 * free, as the Linux client does. A test may deliberately put a second request on a tag already in
 * flight; replies on that tag then complete its waiters in the order they were sent. Once closed,
 * the table refuses new requests with the close cause. Every method holds this object's monitor,
 * which guards all fields.
 */
final class TagTable {

    /**
     * A request waiting for its reply; {@code request} is null for a raw frame. A Tflush's {@code flushed}
     * is the request it names, fixed when the Tflush is sent (null when none was waiting): its Rflush
     * ends that request, not one that reused the tag since.
     */
    record Pending(int tag, Tmessage request, CompletableFuture<Rmessage> reply, Pending flushed) {
    }

    private final BitSet inUse = new BitSet(P9.NOTAG + 1);
    private final Map<Integer, ArrayDeque<Pending>> waiting = new HashMap<>();
    private ConnectionClosedException closed;

    /** Takes the lowest free tag below NOTAG for {@code request}. */
    synchronized Pending allocate(Tmessage request) {
        int tag = inUse.nextClearBit(0);
        if (tag >= P9.NOTAG) {
            throw new IllegalStateException("all " + P9.NOTAG + " tags are in flight");
        }
        return register(tag, request);
    }

    /** Puts {@code request} on an explicit tag, even one already in flight. */
    synchronized Pending register(int tag, Tmessage request) {
        if (closed != null) {
            throw closed;
        }
        if (tag < 0 || tag > P9.NOTAG) {
            throw new IllegalArgumentException("tag " + tag + " is not a 16-bit value");
        }
        Pending flushed = null;
        if (request instanceof Tmessage.Tflush flush) {
            ArrayDeque<Pending> target = waiting.get(flush.oldtag());
            flushed = target == null ? null : target.peekFirst();
        }
        Pending pending = new Pending(tag, request, new CompletableFuture<>(), flushed);
        waiting.computeIfAbsent(tag, t -> new ArrayDeque<>()).addLast(pending);
        inUse.set(tag);
        return pending;
    }

    /** The oldest request waiting on {@code tag}, now no longer waiting; null when there is none. */
    synchronized Pending take(int tag) {
        ArrayDeque<Pending> queue = waiting.get(tag);
        if (queue == null) {
            return null;
        }
        Pending pending = queue.removeFirst();
        if (queue.isEmpty()) {
            waiting.remove(tag);
            inUse.clear(tag);
        }
        return pending;
    }

    /**
     * Withdraws one request: it never went out (it could not be encoded or did not fit msize), or it was
     * flushed. False when it was no longer waiting.
     */
    synchronized boolean withdraw(Pending pending) {
        ArrayDeque<Pending> queue = waiting.get(pending.tag());
        if (queue == null || !queue.remove(pending)) {
            return false;
        }
        if (queue.isEmpty()) {
            waiting.remove(pending.tag());
            inUse.clear(pending.tag());
        }
        return true;
    }

    /** Every request still waiting, now no longer waiting. */
    synchronized List<Pending> takeAll() {
        List<Pending> all = new ArrayList<>();
        waiting.values().forEach(all::addAll);
        waiting.clear();
        inUse.clear();
        return all;
    }

    /** Refuses new requests from now on and hands back those still waiting. */
    synchronized List<Pending> close(ConnectionClosedException cause) {
        if (closed == null) {
            closed = cause;
        }
        return takeAll();
    }

    synchronized int outstanding() {
        int count = 0;
        for (ArrayDeque<Pending> queue : waiting.values()) {
            count += queue.size();
        }
        return count;
    }
}
