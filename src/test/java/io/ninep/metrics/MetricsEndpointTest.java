package io.ninep.metrics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** /q/metrics carries every ninep meter once 9P traffic has flowed. */
@QuarkusTest
class MetricsEndpointTest extends NinepServerTestBase {

    @Test
    void prometheusExportHasEveryNinepMeterAfterTraffic() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", 2, 0644, 0);
        c.write(3, 0, "metrics".getBytes(StandardCharsets.UTF_8));
        c.read(3, 0, 100);
        Assertions.assertThrows(NinepException.class, () -> c.walk(2, 4, "missing"));
        c.flush(0x4242);

        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String expected : new String[] {
            "ninep_requests_total{op=\"walk\",outcome=\"ok\"}",
            "ninep_requests_total{op=\"walk\",outcome=\"error\"}",
            "ninep_request_duration_seconds_bucket{op=\"read\"",
            "ninep_request_duration_seconds_count{op=\"write\"}",
            "ninep_flush_total{outcome=\"dropped\"}",
            "ninep_flush_total{outcome=\"answered_before_flush\"}",
            "ninep_flush_total{outcome=\"unknown_tag\"}",
            "ninep_connections_active ",
            "ninep_requests_pending ",
            "ninep_fids_open ",
            "ninep_bytes_read_total ",
            "ninep_bytes_written_total ",
            "ninep_errors_total{errno=\"ENOENT\"}",
            "ninep_backpressure_pauses_total ",
            "ninep_memory_budget_used_bytes ",
            "ninep_memory_budget_waits_total ",
            "ninep_connections_write_stalls_total ",
            "ninep_workers_threads ",
            "ninep_workers_queued ",
        }) {
            Assertions.assertTrue(body.contains(expected), "/q/metrics lacks " + expected);
        }
        given().get("/q/metrics").then().body(containsString("# TYPE ninep_request_duration_seconds histogram"));
    }
}
