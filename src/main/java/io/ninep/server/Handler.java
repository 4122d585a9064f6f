package io.ninep.server;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.smallrye.mutiny.Uni;

/**
 * Handles one message type. The returned pipeline runs file-system work through
 * {@link Exchange#onFid} and friends (off the event loop); a failure becomes Rlerror via {@link ErrnoMapper}.
 * Each handler documents its commit point: the step after which a Tflush can no longer undo it.
 */
public interface Handler<T extends Tmessage> {
    Class<T> messageType();

    Uni<Rmessage> handle(Exchange x, T message);
}
