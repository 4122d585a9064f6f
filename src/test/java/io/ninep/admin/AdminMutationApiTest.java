package io.ninep.admin;

import static io.ninep.admin.AdminPolling.awaitPending;
import static io.ninep.admin.AdminPolling.newestConnection;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.export.ExportPolicy;
import io.ninep.export.ExportRegistry;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.server.ConnectionRegistry;
import io.ninep.server.ControlPlane;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mutating admin endpoints with a configured token: authentication, validation, and their effect on 9P. */
@QuarkusTest
@TestProfile(AdminTokenProfile.class)
class AdminMutationApiTest extends NinepServerTestBase {
    @Inject
    ConnectionRegistry connections;
    @Inject
    ControlPlane controlPlane;
    @Inject
    ExportRegistry exports;

    @AfterEach
    void restoreDefaultPolicy() throws Exception {
        controlPlane.update(exports.byName("default").orElseThrow(), p -> new ExportPolicy(false, Map.of()))
                .get(10, TimeUnit.SECONDS);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(AdminTokenProfile.TOKEN);
    }

    @Test
    void mutationWithoutTokenIsUnauthorized() {
        given().contentType(ContentType.JSON).body("{\"mode\":\"read-only\"}")
                .put("/admin/exports/default/mode").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType(ContentType.JSON).body("status", equalTo(401));
        readOnlyIs(false);
    }

    @Test
    void mutationWithWrongTokenIsUnauthorized() {
        given().auth().oauth2("secreT").contentType(ContentType.JSON).body("{\"mode\":\"read-only\"}")
                .put("/admin/exports/default/mode").then().statusCode(401);
        given().auth().oauth2("secret-but-longer").delete("/admin/connections/1").then().statusCode(401);
        given().header("Authorization", "Basic c2VjcmV0").post("/admin/connections/1/drain").then().statusCode(401);
        readOnlyIs(false);
    }

    @Test
    void readsNeedNoToken() {
        given().get("/admin/exports").then().statusCode(200);
        given().get("/admin/connections").then().statusCode(200);
    }

    @Test
    void readOnlyModeRefusesWritesUntilSwitchedBack() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", 2, 0644, 0);

        admin().contentType(ContentType.JSON).body("{\"mode\":\"read-only\"}")
                .put("/admin/exports/default/mode").then().statusCode(200)
                .body("name", equalTo("default")).body("readOnly", equalTo(true));
        NinepException e = assertThrows(NinepException.class, () -> c.write(3, 0, bytes("x")));
        assertEquals(Errno.EROFS.number(), e.errno());
        readOnlyIs(true);

        admin().contentType(ContentType.JSON).body("{\"mode\":\"read-write\"}")
                .put("/admin/exports/default/mode").then().statusCode(200).body("readOnly", equalTo(false));
        assertEquals(1, c.write(3, 0, bytes("x")));
    }

    @Test
    void badModeIsRejected() {
        admin().contentType(ContentType.JSON).body("{\"mode\":\"read-mostly\"}")
                .put("/admin/exports/default/mode").then().statusCode(400)
                .contentType(ContentType.JSON).body("status", equalTo(400)).body("error", containsString("read-only"));
        admin().contentType(ContentType.JSON).body("{}").put("/admin/exports/default/mode").then().statusCode(400);
        admin().contentType(ContentType.JSON).body("{\"mode\":").put("/admin/exports/default/mode").then()
                .statusCode(400).contentType(ContentType.JSON).body("status", equalTo(400));
        admin().contentType(ContentType.JSON).body("{\"mode\":\"read-only\",\"why\":1}")
                .put("/admin/exports/default/mode").then().statusCode(400);
        readOnlyIs(false);
    }

    @Test
    void unknownExportIsNotFound() {
        admin().contentType(ContentType.JSON).body("{\"mode\":\"read-only\"}")
                .put("/admin/exports/nope/mode").then().statusCode(404).body("error", containsString("nope"));
        admin().contentType(ContentType.JSON).body("{\"faults\":{}}")
                .put("/admin/exports/nope/faults").then().statusCode(404);
    }

    @Test
    void faultPlanIsInstalledOnTheDataPlaneAndCleared() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", 2, 0644, 0);

        admin().contentType(ContentType.JSON)
                .body("{\"faults\":{\"read\":{\"delay\":\"250ms\",\"errno\":\"EIO\"}}}")
                .put("/admin/exports/default/faults").then().statusCode(200)
                .body("faults.read.delayMs", equalTo(250)).body("faults.read.errno", equalTo("EIO"));
        long start = System.nanoTime();
        NinepException e = assertThrows(NinepException.class, () -> c.read(3, 0, 10));
        assertEquals(Errno.EIO.number(), e.errno());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(240), "the delay ran first");

        admin().contentType(ContentType.JSON).body("{\"faults\":{}}")
                .put("/admin/exports/default/faults").then().statusCode(200).body("faults", anEmptyMap());
        assertEquals(0, c.read(3, 0, 10).length);
    }

    @Test
    void faultDelaysAcceptQuarkusAndIsoDurations() {
        admin().contentType(ContentType.JSON).body("{\"faults\":{\"read\":{\"delay\":\"250ms\"},"
                        + "\"write\":{\"delay\":\"3s\"},\"walk\":{\"delay\":\"PT3S\"},\"getattr\":{\"errno\":\"eacces\"}}}")
                .put("/admin/exports/default/faults").then().statusCode(200)
                .body("faults.read.delayMs", equalTo(250))
                .body("faults.write.delayMs", equalTo(3000))
                .body("faults.walk.delayMs", equalTo(3000))
                .body("faults.walk.errno", nullValue())
                .body("faults.getattr.delayMs", equalTo(0))
                .body("faults.getattr.errno", equalTo("EACCES"));
    }

    @Test
    void badFaultPlansAreRejectedAndChangeNothing() {
        String[] bad = {
            "{\"faults\":{\"version\":{\"delay\":\"1s\"}}}",
            "{\"faults\":{\"frobnicate\":{\"errno\":\"EIO\"}}}",
            "{\"faults\":{\"read\":{\"errno\":\"EWHATEVER\"}}}",
            "{\"faults\":{\"read\":{\"delay\":\"soon\"}}}",
            "{\"faults\":{\"read\":{\"delay\":\"-1s\"}}}",
            "{\"faults\":{\"read\":{\"delay\":\"1s\",\"errnum\":\"EIO\"}}}",
            "{\"faults\":{\"read\":null}}",
            "{}",
            "not json",
        };
        for (String body : bad) {
            admin().contentType(ContentType.JSON).body(body).put("/admin/exports/default/faults").then()
                    .statusCode(400).contentType(ContentType.JSON).body("status", equalTo(400));
        }
        given().get("/admin/exports").then().body("find { it.name == 'default' }.faults", anEmptyMap());
    }

    @Test
    void unknownOperationErrorListsTheValidOnes() {
        admin().contentType(ContentType.JSON).body("{\"faults\":{\"frobnicate\":{\"errno\":\"EIO\"}}}")
                .put("/admin/exports/default/faults").then().statusCode(400)
                .body("error", containsString("frobnicate")).body("error", containsString("walk"));
    }

    @Test
    void drainAnswersPendingRequestsThenCloses() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        long id = newestConnection(connections);
        admin().contentType(ContentType.JSON).body("{\"faults\":{\"statfs\":{\"delay\":\"2s\"}}}")
                .put("/admin/exports/default/faults").then().statusCode(200);
        CompletableFuture<Rmessage> slow = c.send(new Tmessage.Tstatfs(2));
        awaitPending(id, 1);

        admin().post("/admin/connections/" + id + "/drain").then().statusCode(200)
                .body("id", equalTo((int) id)).body("pendingAtStart", equalTo(1))
                .body("state", equalTo("closed"));
        assertTrue(slow.isDone(), "drain returns only after the pending request was answered");
        assertTrue(slow.get() instanceof Rmessage.Rstatfs);
        c.closed().get(10, TimeUnit.SECONDS);
        awaitGone(id);
    }

    @Test
    void deleteClosesTheConnectionAndFreesItsFids() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        long id = newestConnection(connections);
        long liveBefore = server.stats().liveFids.get();

        admin().delete("/admin/connections/" + id).then().statusCode(204);
        c.closed().get(10, TimeUnit.SECONDS);
        awaitGone(id);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.stats().liveFids.get() > liveBefore - 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(server.stats().liveFids.get() <= liveBefore - 2, "both fids freed");
    }

    @Test
    void mutationsOnUnknownConnectionAreNotFound() {
        admin().post("/admin/connections/999999/drain").then().statusCode(404).body("status", equalTo(404));
        admin().delete("/admin/connections/999999").then().statusCode(404);
    }

    private void awaitGone(long id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (connections.byId(id).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(connections.byId(id).isPresent());
        given().get("/admin/connections/" + id + "/fids").then().statusCode(404);
    }

    private void readOnlyIs(boolean expected) {
        given().get("/admin/exports").then().body("find { it.name == 'default' }.readOnly", equalTo(expected));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
