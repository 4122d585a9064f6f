package io.ninep.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OnContextTest {
    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void taskRunsOnTheContextsEventLoop() throws Exception {
        String thread = OnContext.call(context, "connection 1", Duration.ofSeconds(10),
                () -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);

        assertTrue(thread.contains("eventloop"), thread);
    }

    @Test
    void aStuckEventLoopGivesServiceUnavailableInsteadOfHanging() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        context.runOnContext(v -> awaitQuietly(release));
        try {
            ExecutionException e = assertThrows(ExecutionException.class, () -> OnContext.call(context,
                    "connection 7", Duration.ofMillis(100), () -> "never").get(10, TimeUnit.SECONDS));
            AdminException admin = assertInstanceOf(AdminException.class, e.getCause());
            assertEquals(Response.Status.SERVICE_UNAVAILABLE, admin.status());
            assertTrue(admin.getMessage().contains("connection 7"), admin.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aFailingTaskPassesItsExceptionOn() {
        AdminException thrown = AdminException.notFound("gone");
        ExecutionException e = assertThrows(ExecutionException.class, () -> OnContext.call(context, "connection 2",
                Duration.ofSeconds(10), () -> {
                    throw thrown;
                }).get(10, TimeUnit.SECONDS));

        assertSame(thrown, e.getCause());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
