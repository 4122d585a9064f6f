package io.ninep.admin;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Mutations enabled with the bearer token {@value #TOKEN}. */
public class AdminTokenProfile implements QuarkusTestProfile {
    public static final String TOKEN = "secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ninep.admin.token", TOKEN);
    }
}
