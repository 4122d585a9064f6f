package io.ninep.server;

import io.smallrye.mutiny.operators.AbstractUni;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A request's file-system work as a Uni: subscribing queues {@code body} on the worker pool, which then emits its
 * result or failure. A task cancelled (Tflush) before a worker takes it never runs; a started one runs to its end
 * (it checks {@link Exchange#commit()} before any irreversible step) and emits nothing.
 *
 * <p>Why not {@code Uni.createFrom().emitter}: with quarkus-rest on the class path every Mutiny callback is
 * wrapped for SmallRye Context Propagation, which captured and restored thread context on each request (about a
 * tenth of the CPU under metadata load) for a path that has no context to propagate.
 */
final class WorkerHop<R> extends AbstractUni<R> {
    private final Executor workers;
    private final Request request;
    private final Supplier<R> body;

    WorkerHop(Executor workers, Request request, Supplier<R> body) {
        this.workers = workers;
        this.request = request;
        this.body = body;
    }

    @Override
    public void subscribe(UniSubscriber<? super R> subscriber) {
        Task task = new Task(subscriber);
        subscriber.onSubscribe(task);
        workers.execute(task);
    }

    private final class Task implements Runnable, UniSubscription {
        private final UniSubscriber<? super R> subscriber;
        private volatile boolean cancelled;

        Task(UniSubscriber<? super R> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void run() {
            if (cancelled || request.state() == RequestState.CANCELLED) {
                return;
            }
            R result;
            try {
                result = body.get();
            } catch (Throwable t) {
                if (!cancelled) {
                    subscriber.onFailure(t);
                }
                return;
            }
            if (!cancelled) {
                subscriber.onItem(result);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
