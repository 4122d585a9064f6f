package io.ninep.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.ninep.server.NinepServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointsTest {
    @Inject
    NinepServer server;

    @Test
    void livenessReportsResponsiveEventLoops() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("event-loops"))
                .body("checks.find { it.name == 'event-loops' }.data.max-delay-ms", equalTo(5000));
    }

    @Test
    void readinessMeansAMountWouldSucceed() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == '9p-mount' }.status", equalTo("UP"))
                .body("checks.find { it.name == '9p-mount' }.data.port", equalTo(server.port()))
                .body("checks.find { it.name == '9p-mount' }.data.'export default'", equalTo("ok"))
                .body("checks.find { it.name == '9p-mount' }.data.shutting-down", equalTo(false));
    }

    @Test
    void startupReportsTheBoundListener() {
        given().get("/q/health/started").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == '9p-listener' }.data.port", equalTo(server.port()))
                .body("checks.find { it.name == '9p-listener' }.data.event-loop-probe", equalTo(true));
    }

    @Test
    void overallHealthIsUp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
