package io.ninep.fuzz;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A short Tversion deadline, so a slowloris is cut off within a test's time, and a 32 MiB memory budget,
 * so "bounded" has a number a test can hold the server to.
 */
public class LimitsProfile implements QuarkusTestProfile {
    static final long MEMORY_BUDGET = 32L << 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ninep.version-timeout", "3s", "ninep.memory-budget", Long.toString(MEMORY_BUDGET));
    }
}
