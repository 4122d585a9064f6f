package io.ninep.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ninep.posix.Errno;
import io.ninep.server.RequestListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Per-request metrics: {@code ninep.requests{op,outcome}}, {@code ninep.request.duration{op}} (a histogram, so
 * Prometheus can compute quantiles over any set of servers) and {@code ninep.errors{errno}}. Called on event
 * loops for every request, so meters are created once per op and errno and looked up without allocating.
 */
@ApplicationScoped
public class RequestMetrics implements RequestListener {
    /** 9P requests on a memory export take microseconds; a stalled backend may take many seconds. */
    private static final Duration FASTEST = Duration.ofNanos(50_000);
    private static final Duration SLOWEST = Duration.ofSeconds(60);
    private static final Errno[] ERRNOS = Errno.values();

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, OpMeters> byOp = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Counter> byErrno = new AtomicReferenceArray<>(ERRNOS.length);

    @Inject
    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(String op, Errno errno, long nanos) {
        OpMeters m = meters(op);
        m.duration.record(nanos, TimeUnit.NANOSECONDS);
        if (errno == null) {
            m.ok.increment();
        } else {
            m.error.increment();
            errors(errno).increment();
        }
    }

    @Override
    public void dropped(String op, long nanos) {
        meters(op).dropped.increment();
    }

    private OpMeters meters(String op) {
        OpMeters m = byOp.get(op);
        return m != null ? m : byOp.computeIfAbsent(op, this::register);
    }

    private Counter errors(Errno errno) {
        Counter c = byErrno.get(errno.ordinal());
        if (c == null) {
            // Registering the same meter twice returns the first, so a lost race only repeats the lookup.
            c = Counter.builder("ninep.errors").description("Requests answered with Rlerror, by errno")
                    .tag("errno", errno.name()).register(registry);
            byErrno.set(errno.ordinal(), c);
        }
        return c;
    }

    private OpMeters register(String op) {
        return new OpMeters(requests(op, "ok"), requests(op, "error"), requests(op, "dropped"),
                Timer.builder("ninep.request.duration")
                        .description("Time from a request's arrival to its reply")
                        .tag("op", op)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(FASTEST)
                        .maximumExpectedValue(SLOWEST)
                        .register(registry));
    }

    private Counter requests(String op, String outcome) {
        return Counter.builder("ninep.requests")
                .description("9P requests by operation; outcome ok, error (Rlerror) or dropped (cancelled by "
                        + "Tflush, Tversion or close before its commit point, never answered)")
                .tag("op", op).tag("outcome", outcome).register(registry);
    }

    private record OpMeters(Counter ok, Counter error, Counter dropped, Timer duration) {
    }
}
