package io.ninep.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ninep.client.NinepClient;
import io.ninep.server.ConnectionRegistry;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NoAdminTokenProfile.class)
class AdminWithoutTokenTest extends NinepServerTestBase {
    @Inject
    ConnectionRegistry connections;

    @Test
    void everyMutationIsForbiddenEvenWithABearerHeader() throws Exception {
        NinepClient c = attached();
        long id = AdminPolling.newestConnection(connections);

        given().auth().oauth2("anything").post("/admin/connections/" + id + "/drain").then().statusCode(403)
                .contentType(ContentType.JSON).body("error", containsString("ninep.admin.token"));
        given().delete("/admin/connections/" + id).then().statusCode(403).body("status", equalTo(403));
        given().contentType(ContentType.JSON).body("{\"mode\":\"read-only\"}")
                .put("/admin/exports/default/mode").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"faults\":{}}")
                .put("/admin/exports/default/faults").then().statusCode(403);

        c.getattr(ROOT, 1);
        assertFalse(c.isClosed());
        given().get("/admin/exports").then().statusCode(200).body("find { it.name == 'default' }.readOnly",
                equalTo(false));
    }

    @Test
    void readsStayOpenWithoutToken() {
        given().get("/admin/connections").then().statusCode(200);
        given().get("/admin/exports").then().statusCode(200);
        given().get("/admin/transport").then().statusCode(200);
    }
}
