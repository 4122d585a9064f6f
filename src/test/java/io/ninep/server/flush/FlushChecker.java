package io.ninep.server.flush;

import io.ninep.client.ClientEvent;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Judges one connection's replies in wire order against flush(5) and LESSONS.md §1: every reply matches
 * a request in flight on its tag and its type; a Tflush is answered by exactly one Rflush, never after the
 * Rflush of a flush it names; nothing arrives on a flushed tag after its Rflush until the tag carries a new
 * request; no Rlerror(EINTR). A request with no reply before the Rflush naming it counts as dropped.
 */
final class FlushChecker implements Consumer<ClientEvent> {
    private static final int EINTR = 4;
    private static final int MAX_VIOLATIONS = 50;

    private final String name;
    /** In flight by tag; sorted so a seeded pick among them depends only on which tags are in flight. */
    private final Map<Integer, TortureOp> inFlight = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    /** Only the torture's own traffic is judged, not the synchronous setup and verification calls around it. */
    private boolean judging;
    private int dropped;
    private int resolvedBeforeRflush;
    private int unknownTag;

    FlushChecker(String name) {
        this.name = name;
    }

    synchronized void judging(boolean on) {
        judging = on;
    }

    /** Registers a request just before its bytes go out; a flush learns what is on its oldtag now. */
    synchronized void sending(TortureOp op) {
        if (op.message instanceof Tmessage.Tflush flush) {
            op.target = inFlight.get(flush.oldtag());
        }
        TortureOp previous = inFlight.put(op.tag, op);
        if (previous != null) {
            violation("test bug: tag " + op.tag + " reused while " + previous + " is in flight");
        }
    }

    /** A request in flight chosen by {@code random}, or null when none is. */
    synchronized TortureOp anyInFlight(Random random) {
        if (inFlight.isEmpty()) {
            return null;
        }
        int skip = random.nextInt(inFlight.size());
        return inFlight.values().stream().skip(skip).findFirst().orElseThrow();
    }

    @Override
    public synchronized void accept(ClientEvent e) {
        if (!judging) {
            return;
        }
        if (e.isMalformed()) {
            violation("malformed reply on tag " + e.tag() + ": " + e.malformed());
            return;
        }
        TortureOp op = inFlight.remove(e.tag());
        if (op == null) {
            violation(e.message() + " on tag " + e.tag() + " with no request in flight (after its Rflush?)");
            return;
        }
        op.outcome = TortureOp.Outcome.ANSWERED;
        op.reply = e.message();
        if (e.message() instanceof Rmessage.Rlerror err) {
            if (err.ecode() == EINTR) {
                violation("Rlerror(EINTR) for " + op);
            }
            if (op.kind == TortureOp.Kind.FLUSH) {
                violation("Tflush answered with an error: " + op);
            }
        } else if (e.message().type() != op.message.type() + 1) {
            violation(op + " answered with " + e.message());
        }
        if (op.kind == TortureOp.Kind.FLUSH) {
            settleFlushTarget(op);
        }
    }

    /** At Rflush the flushed request is over: dropped unless its reply came first (flush(5)). */
    private void settleFlushTarget(TortureOp flush) {
        TortureOp target = flush.target;
        if (target == null) {
            unknownTag++;
        } else if (target.outcome == TortureOp.Outcome.PENDING) {
            if (target.kind == TortureOp.Kind.FLUSH) {
                violation("Rflush of " + flush + " arrived before the Rflush of the flush it names, " + target);
            }
            target.outcome = TortureOp.Outcome.DROPPED;
            inFlight.remove(target.tag);
            dropped++;
        } else {
            resolvedBeforeRflush++;
        }
    }

    private void violation(String what) {
        if (violations.size() < MAX_VIOLATIONS) {
            violations.add(name + ": " + what);
        }
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized int dropped() {
        return dropped;
    }

    synchronized int inFlight() {
        return inFlight.size();
    }

    synchronized String summary() {
        return name + ": dropped " + dropped + ", answered before Rflush " + resolvedBeforeRflush
                + ", flushes of a free tag " + unknownTag;
    }
}
