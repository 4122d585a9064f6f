package io.ninep.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.export.Export;
import io.ninep.export.ExportRegistry;
import io.ninep.export.qid.ExportQidMapper;
import io.ninep.export.qid.QidSettings;
import io.ninep.export.qid.QidTableStatus;
import io.ninep.server.NinepServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real Linux client on an export holding two tmpfs mounts whose files share inode numbers on the host: the
 * guest must see distinct inode numbers (src/test/kernel/scenarios/qid.sh). One boot.
 */
@QuarkusTest
@TestProfile(KernelQidTest.TwoTmpfsExport.class)
class KernelQidTest {

    @Inject
    NinepServer server;
    @Inject
    ExportRegistry exports;

    @AfterAll
    static void unmount() {
        TwoTmpfsExport.unmountAll();
    }

    @Test
    void filesOnTwoTmpfsMountsWithEqualInodesGetDistinctInodeNumbersInTheGuest() throws Exception {
        String failure = TwoTmpfsExport.failure();
        Assumptions.assumeTrue(failure == null, () -> "SKIPPED: " + failure);
        assertEquals(Files.getAttribute(TwoTmpfsExport.ROOT.resolve("t1/f"), "unix:ino"),
                Files.getAttribute(TwoTmpfsExport.ROOT.resolve("t2/f"), "unix:ino"),
                "precondition: on the host both files have the same inode number");
        Assumptions.assumeTrue(QemuGuest.requireAvailable(), "qemu or the kernel is missing");

        QemuGuest.Result r = QemuGuest.forPort(server.port()).cache("loose").checks()
                .extraScript(QemuGuest.projectRoot().resolve("src/test/kernel/scenarios/qid.sh"))
                .extra("qid_two_tmpfs").logName("qid-two-tmpfs").run();

        r.assertAllPassed();
        assertTrue(r.passed("qid_two_tmpfs"), r.summary());
        Export export = exports.byName("qid").orElseThrow();
        QidTableStatus table = ((ExportQidMapper) export.qidMapper()).status();
        assertEquals(2, table.prefixEntries(), "one prefix per tmpfs: " + table);
        assertTrue(Files.exists(TwoTmpfsExport.ROOT.resolve(QidSettings.DEFAULT_TABLE)), "the table was saved");
    }

    /**
     * A temp dir with tmpfs mounted at t1 and t2, served as the default export. Quarkus loads this class in more
     * than one class loader, so the directory is kept in a system property (one per JVM) and mounting checks what
     * is already mounted; it happens when the configuration is asked for, never during test discovery.
     */
    public static class TwoTmpfsExport implements QuarkusTestProfile {
        static final Path ROOT = Path.of(System.getProperties()
                .computeIfAbsent("kernel-qid-test.root", k -> tempDir()).toString());
        private static final List<String> MOUNTS = List.of("t1", "t2");

        @Override
        public Map<String, String> getConfigOverrides() {
            String failure = mountBoth();
            if (failure != null) {
                System.setProperty("kernel-qid-test.failure", failure);
            }
            return Map.of("ninep.exports.qid.type", "local",
                    "ninep.exports.qid.path", ROOT.toString(),
                    "ninep.default-export", "qid");
        }

        /** Why the mounts are missing, or null. */
        static String failure() {
            return System.getProperty("kernel-qid-test.failure");
        }

        private static synchronized String mountBoth() {
            try {
                for (String name : MOUNTS) {
                    Path dir = Files.createDirectories(ROOT.resolve(name));
                    if (isMountPoint(dir)) {
                        continue;
                    }
                    String error = run("mount", "-t", "tmpfs", "-o", "size=4m", "none", dir.toString());
                    if (error != null) {
                        return "cannot mount tmpfs (needs root / CAP_SYS_ADMIN): " + error;
                    }
                    Files.writeString(dir.resolve("f"), "on " + name + "\n");
                }
                return null;
            } catch (IOException | InterruptedException e) {
                return "cannot mount tmpfs: " + e;
            }
        }

        /** Lazy unmount: the server may still hold a descriptor on a mount while it shuts down. */
        static synchronized void unmountAll() {
            for (String name : MOUNTS) {
                Path dir = ROOT.resolve(name);
                try {
                    if (Files.isDirectory(dir) && isMountPoint(dir)) {
                        String error = run("umount", "-l", dir.toString());
                        if (error != null) {
                            System.err.println("cannot unmount " + dir + ": " + error);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    System.err.println("cannot unmount " + dir + ": " + e);
                }
            }
        }

        private static boolean isMountPoint(Path dir) throws IOException {
            return !Files.getAttribute(dir, "unix:dev").equals(Files.getAttribute(ROOT, "unix:dev"));
        }

        private static String run(String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? null : "exit " + p.exitValue() + ": " + out;
        }

        private static String tempDir() {
            try {
                return Files.createTempDirectory("ninep-kernel-qid").toRealPath().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
