package io.ninep.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.ninep.posix.Errno;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final RequestMetrics metrics = new RequestMetrics(registry);

    @Test
    void answersCountByOpAndOutcomeAndErrorsByErrno() {
        metrics.answered("walk", null, 1_000);
        metrics.answered("walk", null, 2_000);
        metrics.answered("walk", Errno.ENOENT, 3_000);
        metrics.answered("read", Errno.EIO, 4_000);
        metrics.dropped("read", 5_000);

        assertEquals(2, count("walk", "ok"));
        assertEquals(1, count("walk", "error"));
        assertEquals(0, count("walk", "dropped"));
        assertEquals(1, count("read", "error"));
        assertEquals(1, count("read", "dropped"));
        assertEquals(1, registry.get("ninep.errors").tag("errno", "ENOENT").counter().count());
        assertEquals(1, registry.get("ninep.errors").tag("errno", "EIO").counter().count());
    }

    @Test
    void durationIsRecordedForAnsweredRequestsOnly() {
        metrics.answered("getattr", null, 7_000);
        metrics.dropped("getattr", 9_000);

        Timer t = registry.get("ninep.request.duration").tag("op", "getattr").timer();
        assertEquals(1, t.count());
        assertEquals(7_000, t.totalTime(TimeUnit.NANOSECONDS), 0.1);
    }

    @Test
    void durationIsExportedToPrometheusAsAHistogramResolvingMicroseconds() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new RequestMetrics(prometheus).answered("clunk", null, 100_000);

        String text = prometheus.scrape();
        long buckets = text.lines().filter(l -> l.startsWith("ninep_request_duration_seconds_bucket{op=\"clunk\"")).count();
        assertTrue(buckets > 10, "percentile histogram buckets are published: " + buckets);
        assertTrue(text.contains("ninep_request_duration_seconds_bucket{op=\"clunk\",le=\"5.0E-5\",} 0.0"),
                "the smallest bucket is 50 µs, below the recorded 100 µs");
        assertTrue(text.contains("ninep_request_duration_seconds_bucket{op=\"clunk\",le=\"+Inf\",} 1.0"));
    }

    @Test
    void metersAreCreatedOncePerOpAndErrno() {
        metrics.answered("lopen", Errno.EACCES, 1);
        var counter = registry.get("ninep.requests").tag("op", "lopen").tag("outcome", "error").counter();
        metrics.answered("lopen", Errno.EACCES, 1);

        assertSame(counter, registry.get("ninep.requests").tag("op", "lopen").tag("outcome", "error").counter());
        assertEquals(2, counter.count());
        assertEquals(3, registry.find("ninep.requests").tag("op", "lopen").meters().size(),
                "ok, error and dropped counters, nothing else");
        assertNull(registry.find("ninep.errors").tag("errno", "EIO").counter());
    }

    private double count(String op, String outcome) {
        return registry.get("ninep.requests").tag("op", op).tag("outcome", outcome).counter().count();
    }
}
