package io.ninep.server;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Routes each decoded request to the one handler for its message type. */
public final class Dispatcher {
    private final Map<Class<?>, Handler<?>> handlers = new HashMap<>();

    public Dispatcher(List<Handler<?>> all) {
        for (Handler<?> h : all) {
            if (handlers.put(h.messageType(), h) != null) {
                throw new IllegalStateException("two handlers for " + h.messageType().getSimpleName());
            }
        }
    }

    /** The reply pipeline; anything the handler throws while building it becomes a failed Uni. */
    public Uni<Rmessage> dispatch(Exchange x) {
        Tmessage message = x.request().message();
        @SuppressWarnings("unchecked")
        Handler<Tmessage> handler = (Handler<Tmessage>) handlers.get(message.getClass());
        if (handler == null) {
            return Uni.createFrom().failure(new FsException(Errno.EOPNOTSUPP, message.opName()));
        }
        // Called directly rather than through Uni.createFrom().deferred, whose supplier would be wrapped for
        // context propagation (see WorkerHop); the pipeline is subscribed right after it is built.
        try {
            return handler.handle(x, message);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
