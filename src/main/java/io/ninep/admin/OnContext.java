package io.ninep.admin;

import io.ninep.server.Connection;
import io.vertx.core.Context;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a task on a connection's own event-loop context, where its pending table and draining state live
 * (STYLE.md: one object per connection, touched only on its context), and hands the result back as a future.
 */
final class OnContext {

    /** Fails with 503 when the loop does not get to the task in time (a blocked event loop). */
    static <T> CompletableFuture<T> call(Connection c, Duration timeout, Supplier<T> task) {
        return call(c.context(), "connection " + c.id(), timeout, task);
    }

    static <T> CompletableFuture<T> call(Context context, String owner, Duration timeout, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(t -> {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            if (cause instanceof TimeoutException) {
                throw new AdminException(Response.Status.SERVICE_UNAVAILABLE, "the event loop of " + owner
                        + " did not answer within " + timeout.toMillis() + " ms");
            }
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new CompletionException(cause);
        });
    }

    private OnContext() {
    }
}
