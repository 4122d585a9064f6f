package io.ninep.admin;

import static io.ninep.admin.AdminPolling.awaitPending;
import static io.ninep.admin.AdminPolling.newestConnection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.export.Export;
import io.ninep.export.ExportRegistry;
import io.ninep.export.Fault;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.server.ConnectionRegistry;
import io.ninep.server.ControlPlane;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API's read side: open without a token, answering from what the data plane publishes. */
@QuarkusTest
class AdminReadApiTest extends NinepServerTestBase {
    @Inject
    ConnectionRegistry connections;
    @Inject
    ControlPlane controlPlane;
    @Inject
    ExportRegistry exports;

    @AfterEach
    void clearFaults() throws Exception {
        controlPlane.update(exports.byName("default").orElseThrow(), p -> p.withFaults(Map.of()))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectionListShowsNegotiatedSessionTrafficAndState() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        long id = newestConnection(connections);

        JsonPath body = given().get("/admin/connections").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = body.getMap("find { it.id == " + id + " }");
        assertEquals(P9.VERSION_9P2000_L, mine.get("protocolVersion"));
        assertEquals(MSIZE, mine.get("msize"));
        assertEquals(2, mine.get("fids"));
        assertEquals(0, mine.get("pending"));
        assertEquals("active", mine.get("state"));
        assertEquals(0, ((Number) mine.get("memoryHeld")).intValue(), "nothing in flight, every reply written");
        assertTrue(((Number) mine.get("requestsServed")).longValue() >= 4, "version, attach, mkdir, walk");
        assertTrue(((Number) mine.get("bytesIn")).longValue() > 0);
        assertTrue(((Number) mine.get("bytesOut")).longValue() > 0);
        assertTrue(((String) mine.get("remoteAddress")).contains("127.0.0.1"));
        assertTrue(mine.get("started") instanceof String && mine.get("lastActivity") instanceof String);
    }

    @Test
    void pendingListShowsSlowRequestWithTypeFidAndAge() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        long id = newestConnection(connections);
        delay("statfs", Duration.ofSeconds(30));
        CompletableFuture<Rmessage> slow = c.send(new Tmessage.Tstatfs(2));
        awaitPending(id, 1);
        Thread.sleep(100);

        JsonPath pending = given().get("/admin/connections/" + id + "/pending").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].type", equalTo("Tstatfs"))
                .body("[0].fid", equalTo(2))
                .body("[0].state", equalTo("running"))
                .body("[0].ageMs", greaterThanOrEqualTo(100))
                .body("[0].flushesWaiting", equalTo(0))
                .extract().jsonPath();
        c.flush(pending.getInt("[0].tag"));
        assertTrue(slow.isCompletedExceptionally(), "flushed before its commit point: no reply");
        awaitPending(id, 0);
    }

    @Test
    void fidListShowsStateExportPathAndOpenMode() throws Exception {
        NinepClient c = attached();
        String dir = freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", 2, 0644, 0);
        long id = newestConnection(connections);

        JsonPath fids = given().get("/admin/connections/" + id + "/fids").then().statusCode(200)
                .body("size()", equalTo(3))
                .body("export", everyItem(equalTo("default")))
                .extract().jsonPath();
        assertEquals("walked", fids.getString("find { it.fid == 1 }.state"));
        assertEquals("walked", fids.getString("find { it.fid == 2 }.state"));
        assertTrue(fids.getString("find { it.fid == 2 }.path").contains(dir));
        assertEquals("open_file", fids.getString("find { it.fid == 3 }.state"));
        assertEquals("", fids.getString("find { it.fid == 2 }.openMode"));
        assertFalse(fids.getString("find { it.fid == 3 }.openMode").isEmpty());
    }

    @Test
    void unknownConnectionIsNotFoundWithJsonError() {
        given().get("/admin/connections/999999/pending").then().statusCode(404)
                .contentType("application/json")
                .body("status", equalTo(404)).body("error", containsString("999999"));
        given().get("/admin/connections/999999/fids").then().statusCode(404).body("status", equalTo(404));
        given().get("/admin/connections/not-a-number/fids").then().statusCode(404);
    }

    @Test
    void exportListShowsModeAndFaults() throws Exception {
        controlPlane.update(exports.byName("default").orElseThrow(), p -> p.withFaults(Map.of(
                "read", new Fault(Duration.ofMillis(250), Optional.of(Errno.EIO))))).get(10, TimeUnit.SECONDS);

        Export export = exports.byName("default").orElseThrow();
        given().get("/admin/exports").then().statusCode(200)
                .body("find { it.name == 'default' }.type", equalTo(export.type()))
                .body("find { it.name == 'default' }.location", equalTo(export.location()))
                .body("find { it.name == 'default' }.readOnly", equalTo(false))
                .body("find { it.name == 'default' }.faults.read.delayMs", equalTo(250))
                .body("find { it.name == 'default' }.faults.read.errno", equalTo("EIO"));
    }

    @Test
    void qidTableReportsTheExportsMapperAndItsTable() {
        Export export = exports.byName("default").orElseThrow();
        if (export.qidMapper() instanceof io.ninep.export.qid.ExportQidMapper) {
            given().get("/admin/exports/default/qid-table").then().statusCode(200)
                    .body("export", equalTo("default"))
                    .body("policy", equalTo("remap"))
                    .body("table.persistence", notNullValue())
                    .body("table.maxEntries", greaterThan(0));
        } else {
            given().get("/admin/exports/default/qid-table").then().statusCode(200)
                    .body("export", equalTo("default"))
                    .body("mapper", equalTo("io.ninep.export.InodeQidMapper"))
                    .body("policy", equalTo("inode"))
                    .body("table", equalTo(null));
        }
        given().get("/admin/exports/nope/qid-table").then().statusCode(404).body("error", containsString("nope"));
    }

    @Test
    void transportShowsBoundPortCountersMemoryBudgetAndEventLoopDelays() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);

        given().get("/admin/transport").then().statusCode(200)
                .body("port", equalTo(server.port()))
                .body("host", notNullValue())
                .body("accepted", greaterThan(0))
                .body("activeConnections", greaterThanOrEqualTo(1))
                .body("pendingTotal", equalTo(0))
                .body("liveFids", greaterThanOrEqualTo(2))
                .body("bytesIn", greaterThan(0))
                .body("bytesOut", greaterThan(0))
                .body("writeStalls", equalTo(0))
                .body("eventLoops.size()", greaterThan(0))
                .body("eventLoops.currentMs", everyItem(lessThan(5000)))
                .body("eventLoops.loop", hasItem(containsString("eventloop")));
        JsonPath budget = given().get("/admin/transport").then().extract().jsonPath();
        long limit = budget.getLong("memoryBudget.limit");
        long perConnection = budget.getLong("memoryBudget.perConnectionLimit");
        assertTrue(perConnection > 0 && perConnection <= limit, perConnection + " of " + limit);
        assertTrue(budget.getLong("memoryBudget.used") >= 0);
    }

    @Test
    void openApiDocumentsTheAdminEndpoints() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/admin/connections"))
                .body("paths.keySet()", hasItem("/admin/connections/{id}/drain"))
                .body("paths.keySet()", hasItem("/admin/exports/{name}/faults"))
                .body("paths.keySet()", hasItem("/admin/transport"))
                .body("components.securitySchemes.'admin-token'.scheme", equalTo("bearer"))
                .body("paths.'/admin/exports/{name}/mode'.put.security[0].keySet()", hasItem("admin-token"))
                .body("paths.'/admin/exports'.get.security", equalTo(null));
    }

    private void delay(String op, Duration d) throws Exception {
        controlPlane.update(exports.byName("default").orElseThrow(),
                p -> p.withFaults(Map.of(op, new Fault(d, Optional.empty())))).get(10, TimeUnit.SECONDS);
    }
}
