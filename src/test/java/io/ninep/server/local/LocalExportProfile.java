package io.ninep.server.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a fresh temp directory as the default export through the local backend. Beside it, outside the
 * export, lies a directory with a secret that no client may ever reach.
 */
public class LocalExportProfile implements QuarkusTestProfile {
    public static final Path BASE = tempDir();
    public static final Path EXPORT = BASE.resolve("export");
    public static final Path OUTSIDE = BASE.resolve("outside");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ninep.exports.default.type", "local", "ninep.exports.default.path", EXPORT.toString());
    }

    private static Path tempDir() {
        try {
            Path base = Files.createTempDirectory("ninep-local");
            Files.createDirectories(base.resolve("export"));
            Files.createDirectories(base.resolve("outside"));
            Files.writeString(base.resolve("outside/secret"), "outside the export");
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
