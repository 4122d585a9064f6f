package io.ninep.server;

import io.ninep.protocol.Rmessage;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
import java.util.function.Consumer;

/**
 * The end of a request's pipeline: hands its reply, or an Rlerror for its failure, to the connection. Cancelling
 * it cancels the pipeline upstream (Tflush). Subscribed with {@code withSubscriber}, which, unlike
 * {@code subscribe().with(...)}, does not wrap the callbacks for context propagation (see {@link WorkerHop}).
 */
final class ReplySubscriber implements UniSubscriber<Rmessage>, Cancellable {
    private final Consumer<Rmessage> onReply;
    private volatile UniSubscription upstream;
    private volatile boolean cancelled;

    ReplySubscriber(Consumer<Rmessage> onReply) {
        this.onReply = onReply;
    }

    @Override
    public void onSubscribe(UniSubscription subscription) {
        upstream = subscription;
        if (cancelled) {
            subscription.cancel();
        }
    }

    @Override
    public void onItem(Rmessage reply) {
        onReply.accept(reply);
    }

    @Override
    public void onFailure(Throwable failure) {
        onReply.accept(new Rmessage.Rlerror(ErrnoMapper.toErrno(failure).number()));
    }

    @Override
    public void cancel() {
        cancelled = true;
        UniSubscription s = upstream;
        if (s != null) {
            s.cancel();
        }
    }
}
