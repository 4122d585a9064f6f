package io.ninep.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.protocol.codec.Decoded;

/**
 * What a reply may be, given its request (PROTOCOL.md, LESSONS.md §1): the request's type plus one or
 * Rlerror; an Rlerror carries a real Linux errno and never EINTR; Tversion and (on a versioned session)
 * Tflush are never refused; Rread and Rreaddir stay within the count and msize; Rwrite is never more than
 * was sent nor 0 for a non-empty write; a walk that answers Rwalk walked at least its first name; before a
 * successful Tversion everything else is EPROTO; a frame the decoder refuses gets the decoder's errno.
 */
final class ReplyRules {

    private ReplyRules() {
    }

    static void check(Sent sent, Rmessage reply) {
        String what = sent.describe() + " answered with " + reply;
        if (sent.refusal() != null) {
            assertEquals(new Rmessage.Rlerror(sent.refusal().errno().number()), reply, what);
            return;
        }
        Tmessage request = sent.request();
        if (reply instanceof Rmessage.Rlerror) {
            int ecode = ((Rmessage.Rlerror) reply).ecode();
            assertTrue(Errno.of(ecode).isPresent(), what + ": not a Linux errno");
            assertNotEquals(Errno.EINTR.number(), ecode, what + ": EINTR is never a 9P answer (LESSONS.md §1)");
            assertTrue(!(request instanceof Tmessage.Tversion), what + ": Tversion is never refused");
            assertTrue(!(request instanceof Tmessage.Tflush) || !sent.versioned(), what + ": Tflush is never refused");
            if (!sent.versioned() && !(request instanceof Tmessage.Tversion)) {
                assertEquals(Errno.EPROTO.number(), ecode, what + ": before Tversion everything is EPROTO");
            }
            return;
        }
        assertTrue(sent.versioned() || request instanceof Tmessage.Tversion, what + ": served before Tversion");
        assertEquals(request.type() + 1, reply.type(), what + ": the reply type does not match the request");
        int ioUnit = sent.msize() - P9.IOHDRSZ;
        if (request instanceof Tmessage.Tread) {
            long asked = Integer.toUnsignedLong(((Tmessage.Tread) request).count());
            int got = ((Rmessage.Rread) reply).data().remaining();
            assertTrue(got <= asked && got <= ioUnit, what + ": Rread larger than count or msize - 24");
        } else if (request instanceof Tmessage.Treaddir) {
            long asked = Integer.toUnsignedLong(((Tmessage.Treaddir) request).count());
            long got = ((Rmessage.Rreaddir) reply).entries().stream().mapToLong(e -> e.wireSize()).sum();
            assertTrue(got <= asked && got <= ioUnit, what + ": Rreaddir larger than count or msize - 24");
        } else if (request instanceof Tmessage.Twrite) {
            int sentBytes = ((Tmessage.Twrite) request).data().remaining();
            long written = Integer.toUnsignedLong(((Rmessage.Rwrite) reply).count());
            assertTrue(written <= sentBytes, what + ": wrote more than was sent");
            assertTrue(sentBytes == 0 || written > 0, what + ": Rwrite 0 makes Linux retry forever");
        } else if (request instanceof Tmessage.Twalk) {
            int names = ((Tmessage.Twalk) request).wnames().size();
            int qids = ((Rmessage.Rwalk) reply).wqids().size();
            assertTrue(qids <= names, what + ": more qids than names");
            assertTrue(names == 0 || qids > 0, what + ": a failure on the first name must be an error");
        }
    }

    /**
     * One request as it went out: typed ({@code request}) or a raw frame the decoder refuses
     * ({@code refusal}), with the session state it met.
     */
    record Sent(int tag, Tmessage request, Decoded.Failure refusal, boolean versioned, int msize) {
        String describe() {
            return "tag " + tag + " " + (request != null ? request : "raw frame refused as " + refusal);
        }
    }
}
