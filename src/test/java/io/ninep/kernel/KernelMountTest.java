package io.ninep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.export.Export;
import io.ninep.export.ExportRegistry;
import io.ninep.export.Fault;
import io.ninep.server.ControlPlane;
import io.ninep.server.NinepServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real Linux kernel (Debian's, under qemu) mounts ninep's local export over TCP and runs real tools on
 * it (src/test/kernel/guest-suite.sh). In CI a missing qemu or kernel is a failure, not a skip.
 */
@QuarkusTest
@TestProfile(KernelMountTest.LocalExport.class)
class KernelMountTest {

    @Inject
    NinepServer server;
    @Inject
    ControlPlane controlPlane;
    @Inject
    ExportRegistry exports;

    @ParameterizedTest(name = "cache={0}")
    @ValueSource(strings = {"none", "loose", "mmap"})
    void realKernelPassesTheToolSuite(String cache) throws Exception {
        Assumptions.assumeTrue(QemuGuest.requireAvailable(), "qemu or the kernel is missing");
        QemuGuest.Result r = QemuGuest.forPort(server.port()).cache(cache).logName("suite-" + cache).run();
        r.assertAllPassed();
        assertEquals(Map.of(), r.sumMismatches(LocalExport.ROOT), "files on the host differ from the guest's view");
    }

    @Test
    void sigkilledReaderIsFlushedAndTheMountSurvives() throws Exception {
        Assumptions.assumeTrue(QemuGuest.requireAvailable(), "qemu or the kernel is missing");
        Export export = exports.byName("kernel").orElseThrow();
        long droppedBefore = server.stats().flushDropped.get();
        controlPlane.update(export, p -> p.withFaults(
                Map.of("read", new Fault(Duration.ofSeconds(60), Optional.empty())))).get();
        QemuGuest.Result r;
        try {
            r = QemuGuest.forPort(server.port()).cache("none").checks("none")
                    .extraScript(QemuGuest.projectRoot().resolve("src/test/kernel/scenarios/flush.sh"))
                    .extra("read_killed_by_sigkill").logName("flush-sigkill").run();
        } finally {
            controlPlane.update(export, p -> p.withFaults(Map.of())).get();
        }
        r.assertAllPassed();
        assertTrue(r.passed("read_killed_by_sigkill"), r.summary());
        assertEquals(1, server.stats().flushDropped.get() - droppedBefore,
                "exactly the killed reader's Tread was flushed, and its reply dropped");
    }

    /** A local export in a fresh temp directory, served as the default export. */
    public static class LocalExport implements QuarkusTestProfile {
        static final Path ROOT = tempDir();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ninep.exports.kernel.type", "local",
                    "ninep.exports.kernel.path", ROOT.toString(),
                    "ninep.default-export", "kernel");
        }

        private static Path tempDir() {
            try {
                return Files.createTempDirectory("ninep-kernel-export");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
