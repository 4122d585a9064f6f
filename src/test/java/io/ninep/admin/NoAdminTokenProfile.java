package io.ninep.admin;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** No admin token configured (an empty value counts as none): mutations must all be refused. */
public class NoAdminTokenProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ninep.admin.token", "");
    }
}
