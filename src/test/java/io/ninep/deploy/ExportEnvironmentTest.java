package io.ninep.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.ninep.config.NinepConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The environment variables the manifests set reach the server's {@link NinepConfig} as intended: SmallRye
 * maps NINEP_EXPORTS_NAME_READ_ONLY to ninep.exports.name.read-only (map key read back in lower case),
 * overriding the image's application.properties (env ordinal 300 over 250). The fast-jar itself ignores
 * the quoted form NINEP_EXPORTS__DEFAULT__TYPE for a key application.properties already sets, so the
 * manifests use the unquoted one.
 */
class ExportEnvironmentTest {

    private static NinepConfig bind(StatefulSet statefulSet) throws IOException {
        Map<String, String> env = ServerChecks.literalEnv(ServerChecks.server(statefulSet));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new EnvConfigSource(env, 300))
                .withSources(new PropertiesConfigSource(
                        Path.of("src/main/resources/application.properties").toUri().toURL(), 250))
                .withMapping(NinepConfig.class)
                .build();
        return config.getConfigMapping(NinepConfig.class);
    }

    @Test
    void chartDefaultsPointTheBuiltInExportAtTheVolume() throws IOException {
        NinepConfig config = bind(Chart.render().get(StatefulSet.class, "ninep"));
        assertEquals(564, config.port());
        assertEquals(1048576, config.maxMsize());
        assertEquals("default", config.defaultExport());
        assertEquals(Duration.ofSeconds(30), config.shutdownTimeout());
        assertEquals(1, config.exports().size(), () -> config.exports().keySet().toString());
        NinepConfig.ExportConfig export = config.exports().get("default");
        assertEquals("local", export.type());
        assertEquals(Optional.of("/exports/default"), export.path());
        assertFalse(export.readOnly());
    }

    @Test
    void twoChartExportsBindUnderTheirNames() throws IOException {
        NinepConfig config = bind(Chart.render(HelmChartValuesTest.TWO_EXPORTS,
                Map.of("ninep.maxFids", 2048, "ninep.versionTimeout", "10s"))
                .get(StatefulSet.class, "ninep"));
        assertEquals("media", config.defaultExport());
        assertEquals(2048, config.maxFids());
        assertEquals(Duration.ofSeconds(10), config.versionTimeout());
        NinepConfig.ExportConfig media = config.exports().get("media");
        assertEquals("local", media.type());
        assertEquals(Optional.of("/exports/media"), media.path());
        assertTrue(media.readOnly());
        NinepConfig.ExportConfig scratch = config.exports().get("scratch");
        assertEquals("memory", scratch.type());
        assertEquals(268435456L, scratch.capacity());
    }

    @Test
    void builtInExportBecomesAnEmptyReadOnlyOneWhenNoExportIsNamedDefault() throws IOException {
        NinepConfig config = bind(Chart.render(HelmChartValuesTest.TWO_EXPORTS, Map.of())
                .get(StatefulSet.class, "ninep"));
        NinepConfig.ExportConfig builtIn = config.exports().get("default");
        assertEquals("memory", builtIn.type(), "a local export without a volume under a read-only root fails");
        assertTrue(builtIn.readOnly());
        assertEquals(1L, builtIn.capacity());
    }

    @Test
    void plainManifestBindsLikeTheChart() throws IOException {
        NinepConfig config = bind(PlainManifestsTest.manifests().get(StatefulSet.class, "ninep"));
        assertEquals(564, config.port());
        assertEquals("default", config.defaultExport());
        assertEquals(1, config.exports().size());
        assertEquals("local", config.exports().get("default").type());
        assertEquals(Optional.of("/exports/default"), config.exports().get("default").path());
    }
}
