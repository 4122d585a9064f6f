package io.ninep.admin;

import static io.restassured.RestAssured.given;

import io.ninep.server.Connection;
import io.ninep.server.ConnectionRegistry;
import java.util.concurrent.TimeUnit;

/** Waits the admin tests share: state the data plane reaches asynchronously, polled with a deadline. */
final class AdminPolling {

    /** The connection accepted last: the one a test just opened, as tests run one at a time. */
    static long newestConnection(ConnectionRegistry connections) {
        return connections.all().stream().mapToLong(Connection::id).max().orElseThrow();
    }

    /** Polls {@code GET /admin/connections/{id}/pending} until it lists {@code count} requests. */
    static void awaitPending(long id, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int seen;
        while ((seen = given().get("/admin/connections/" + id + "/pending").then().statusCode(200).extract()
                .jsonPath().getList("$").size()) != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("connection " + id + " has " + seen + " pending, expected " + count);
            }
            Thread.sleep(20);
        }
    }

    private AdminPolling() {
    }
}
