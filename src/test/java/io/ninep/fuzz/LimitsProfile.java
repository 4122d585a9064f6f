package io.ninep.fuzz;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.Map;

/**
 * A short Tversion deadline, so a slowloris is cut off within a test's time, a 32 MiB memory budget, so
 * "bounded" has a number a test can hold the server to, and a 10 s write-stall timeout.
 */
public class LimitsProfile implements QuarkusTestProfile {
    static final long MEMORY_BUDGET = 32L << 20;
    static final Duration WRITE_STALL_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ninep.version-timeout", "3s", "ninep.memory-budget", Long.toString(MEMORY_BUDGET),
                "ninep.write-stall-timeout", WRITE_STALL_TIMEOUT.toSeconds() + "s");
    }
}
