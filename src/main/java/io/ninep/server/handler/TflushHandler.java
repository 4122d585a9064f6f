package io.ninep.server.handler;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tflush;
import io.ninep.server.Connection;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.ninep.server.Request;
import io.ninep.server.ServerStats;
import io.smallrye.mutiny.Uni;

/**
 * Tflush (flush(5), LESSONS.md §1). A request cancelled before its commit point leaves no effect and gets
 * no reply; one that committed is answered first. Either way the Rflush is emitted only once the original
 * is resolved (its reply written to the socket, or dropped), so no byte with oldtag can follow it. Never
 * an error: an unknown oldtag gets Rflush at once. A Tflush commits on arrival, so a flush of a flush
 * waits for the inner Rflush, and several flushes of one tag are all answered, in order.
 * Runs on the connection's event loop; it never blocks a thread while waiting.
 */
public final class TflushHandler implements Handler<Tflush> {

    @Override
    public Class<Tflush> messageType() {
        return Tflush.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tflush m) {
        x.request().commit();
        Connection c = x.connection();
        ServerStats stats = x.services().stats();
        Request old = c.pendingRequest(m.oldtag());
        if (old == null || old == x.request()) {
            stats.flushUnknownTag.incrementAndGet();
            return Uni.createFrom().item(new Rmessage.Rflush());
        }
        old.flushWaiting();
        if (c.cancel(old)) {
            stats.flushDropped.incrementAndGet();
        } else {
            stats.flushAnsweredBeforeFlush.incrementAndGet();
        }
        return Uni.createFrom().emitter(em -> old.whenResolved(() -> em.complete(new Rmessage.Rflush())));
    }
}
