package io.ninep.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micrometer.core.instrument.MeterRegistry;
import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package, installed by src/test/prometheus/install.sh) scrapes this test's
 * Quarkus every second; what it stores must match the 9P traffic the test sent, and the Grafana dashboard's
 * queries must run against it.
 */
@QuarkusTest
class PrometheusScrapeTest extends NinepServerTestBase {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path DASHBOARD = Path.of("deploy/grafana/ninep-dashboard.json");
    private static final int WALKS_OK = 25;
    private static final int WALKS_FAILED = 5;

    @TestHTTPResource("/q/metrics")
    URL metrics;
    @Inject
    MeterRegistry registry;
    @TempDir
    Path temp;

    private Process prometheus;
    private int prometheusPort;

    @AfterEach
    void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void prometheusSeesTheWalkCountAndTheDurationHistogram() throws Exception {
        requirePrometheus();
        startPrometheus();
        awaitQuery("up{job=\"ninep\"}", v -> v == 1, "Prometheus scrapes " + metrics);

        NinepClient c = attached();
        freshDir(c, 2);
        double okBefore = walks("ok");
        double failedBefore = walks("error");
        for (int i = 0; i < WALKS_OK; i++) {
            c.walk(2, 10);
            c.clunk(10);
        }
        for (int i = 0; i < WALKS_FAILED; i++) {
            int n = i;
            assertThrows(NinepException.class, () -> c.walk(2, 11, "missing-" + n));
        }
        double okExpected = okBefore + WALKS_OK;
        double failedExpected = failedBefore + WALKS_FAILED;
        assertEquals(okExpected, walks("ok"), "no other traffic while the test runs");

        awaitQuery("ninep_requests_total{op=\"walk\",outcome=\"ok\"}", v -> v == okExpected,
                "ninep_requests_total{op=walk,outcome=ok} == " + okExpected);
        awaitQuery("ninep_requests_total{op=\"walk\",outcome=\"error\"}", v -> v == failedExpected,
                "ninep_requests_total{op=walk,outcome=error} == " + failedExpected);
        assertTrue(query("count(ninep_request_duration_seconds_bucket{op=\"walk\"})") > 10,
                "the walk duration histogram's buckets are stored");
        assertEquals(okExpected + failedExpected,
                query("ninep_request_duration_seconds_bucket{op=\"walk\",le=\"+Inf\"}"),
                "every answered walk falls in the +Inf bucket");
        double p99 = query("histogram_quantile(0.99, sum by (le) "
                + "(ninep_request_duration_seconds_bucket{op=\"walk\"}))");
        assertTrue(p99 > 0 && p99 < 60, "p99 walk latency from the histogram: " + p99);
    }

    @Test
    void everyDashboardQueryIsValidPromqlThatFindsData() throws Exception {
        requirePrometheus();
        startPrometheus();
        awaitQuery("up{job=\"ninep\"}", v -> v == 1, "Prometheus scrapes " + metrics);
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", 2, 0644, 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        for (int i = 0; System.nanoTime() < deadline; i++) {
            c.write(3, 0, new byte[512]);
            c.read(3, 0, 512);
            int n = i;
            assertThrows(NinepException.class, () -> c.walk(2, 4, "missing-" + n));
            Thread.sleep(20);
        }

        List<String> queries = JsonPath.from(DASHBOARD.toFile())
                .getList("panels.findAll { it.targets }.targets.flatten().expr", String.class);
        assertTrue(queries.size() >= 10, "dashboard queries: " + queries);
        for (String q : queries) {
            String promql = q.replace("$instance", ".*").replace("$__rate_interval", "10s");
            // A scrape that times out on a loaded machine marks every series stale until the next one.
            long found = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            JsonPath answer = instantQuery(promql);
            while (answer.getList("data.result").isEmpty() && System.nanoTime() < found) {
                Thread.sleep(250);
                answer = instantQuery(promql);
            }
            assertTrue(answer.getList("data.result").size() > 0, promql + " finds no data");
        }
    }

    private JsonPath instantQuery(String promql) {
        JsonPath answer = given().baseUri("http://127.0.0.1").port(prometheusPort).queryParam("query", promql)
                .get("/api/v1/query").then().extract().jsonPath();
        assertEquals("success", answer.getString("status"), promql + ": " + answer.getString("error"));
        return answer;
    }

    private void requirePrometheus() {
        if (Files.isExecutable(PROMETHEUS)) {
            return;
        }
        String why = PROMETHEUS + " is missing: run src/test/prometheus/install.sh";
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        System.err.println("\n*** SKIPPING " + getClass().getSimpleName() + ": " + why + " ***\n");
        Assumptions.abort(why);
    }

    private void startPrometheus() throws IOException {
        prometheusPort = freeLoopbackPort();
        Path config = temp.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n", List.of(
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "scrape_configs:",
                "  - job_name: ninep",
                "    metrics_path: " + metrics.getPath(),
                "    static_configs:",
                "      - targets: ['" + metrics.getHost() + ":" + metrics.getPort() + "']",
                "")), StandardCharsets.UTF_8);
        prometheus = new ProcessBuilder(PROMETHEUS.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + temp.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("prometheus.log").toFile())
                .start();
    }

    private double walks(String outcome) {
        var counter = registry.find("ninep.requests").tag("op", "walk").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Polls an instant query until its single value satisfies {@code done}. */
    private void awaitQuery(String promql, DoublePredicate done, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                fail("prometheus exited: " + Files.readString(temp.resolve("prometheus.log")));
            }
            try {
                last = query(promql);
                if (done.test(last)) {
                    return;
                }
            } catch (Exception notYet) {
                // Prometheus still starting (connection refused), or the series not scraped yet.
            }
            Thread.sleep(250);
        }
        fail("timed out waiting for " + what + "; last value " + last + "\n"
                + Files.readString(temp.resolve("prometheus.log")));
    }

    private double query(String promql) {
        JsonPath answer = instantQuery(promql);
        List<Object> results = answer.getList("data.result");
        if (results.size() != 1) {
            throw new IllegalStateException(promql + " gave " + results.size() + " series");
        }
        return Double.parseDouble(answer.getString("data.result[0].value[1]"));
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
