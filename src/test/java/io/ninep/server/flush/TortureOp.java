package io.ninep.server.flush;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;

/**
 * One request of the torture run and what became of it, as the client saw it on the wire. Mutable
 * fields are guarded by the connection's {@link FlushChecker}.
 */
final class TortureOp {
    enum Kind { WALK, LCREATE, MKDIR, WRITE, LOCK, READ, GETATTR, READDIR, STATFS, FLUSH }

    enum Outcome {
        PENDING,
        /** Its reply arrived (before any Rflush naming it). */
        ANSWERED,
        /** An Rflush naming it arrived first: it must have had no effect. */
        DROPPED
    }

    final Kind kind;
    final Tmessage message;
    final int tag;
    /** The fid it binds or changes (walk newfid, lcreate fid), the write slot or the lock start; else 0. */
    final long subject;
    /** The name it creates (lcreate, mkdir), else null. */
    final String name;
    /** For a flush: the request on oldtag when the flush was sent, or null for a tag with nothing on it. */
    TortureOp target;
    Outcome outcome = Outcome.PENDING;
    Rmessage reply;

    TortureOp(Kind kind, Tmessage message, int tag, long subject, String name) {
        this.kind = kind;
        this.message = message;
        this.tag = tag;
        this.subject = subject;
        this.name = name;
    }

    /** Whether it was answered with this reply type (not Rlerror, not dropped). */
    boolean answeredWith(Class<? extends Rmessage> type) {
        return outcome == Outcome.ANSWERED && type.isInstance(reply);
    }

    @Override
    public String toString() {
        return message.opName() + "[tag " + tag + (name == null ? "" : ", " + name) + ", subject " + subject + ", "
                + outcome + (reply == null ? "" : " " + reply.getClass().getSimpleName()) + "]";
    }
}
