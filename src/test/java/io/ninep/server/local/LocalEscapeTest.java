package io.ninep.server.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.protocol.Qid;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** No 9P request can reach a file outside a local export: not by "..", not through any symlink. */
@QuarkusTest
@TestProfile(LocalExportProfile.class)
class LocalEscapeTest extends NinepServerTestBase {
    private static final int ENOENT = 2;
    private static final int ENOTDIR = 20;
    private static final int ELOOP = 40;
    private static final byte[] SECRET = "outside the export".getBytes(StandardCharsets.UTF_8);

    @Test
    void dotDotAtTheRootStaysAtTheRoot() throws Exception {
        NinepClient c = attached();
        Qid root = c.getattr(ROOT, 0x7ff).qid();
        List<Qid> up = c.walk(ROOT, 2, "..", "..", "..");
        assertEquals(3, up.size());
        up.forEach(q -> assertEquals(root.path(), q.path()));
        assertThrows(NinepException.class, () -> c.walk(2, 3, "outside"), "the export's parent is not reachable");
    }

    @Test
    void absoluteSymlinkIsNeverFollowed() throws Exception {
        String dir = uniqueDir();
        Files.createSymbolicLink(LocalExportProfile.EXPORT.resolve(dir).resolve("abs"), LocalExportProfile.OUTSIDE);
        NinepClient c = attached();
        List<Qid> link = c.walk(ROOT, 2, dir, "abs");
        assertEquals(Qid.SYMLINK, link.get(1).type(), "the walk ends on the symlink itself");
        assertEquals(LocalExportProfile.OUTSIDE.toString(), c.readlink(2));
        NinepException e = assertThrows(NinepException.class, () -> c.walk(2, 3, "secret"));
        assertEquals(ENOTDIR, e.errno());
        assertSecretNotOpenable(c, 2);
    }

    @Test
    void relativeSymlinkUpwardsIsNeverFollowed() throws Exception {
        String dir = uniqueDir();
        Files.createSymbolicLink(LocalExportProfile.EXPORT.resolve(dir).resolve("rel"), Path.of("../../outside"));
        NinepClient c = attached();
        c.walk(ROOT, 2, dir);
        List<Qid> walked = c.walk(2, 3, "rel", "secret");
        assertEquals(1, walked.size(), "a short walk: the symlink is not a directory");
        assertThrows(NinepException.class, () -> c.getattr(3, 0x7ff), "newfid stays unbound");
        c.walk(2, 4, "rel");
        assertSecretNotOpenable(c, 4);
    }

    @Test
    void symlinkSwappedInMidWalkNeverLeadsOutside() throws Exception {
        String dir = uniqueDir();
        Path base = LocalExportProfile.EXPORT.resolve(dir);
        Path real = base.resolve("sub");
        Files.createDirectories(real);
        Files.writeString(real.resolve("secret"), "inside");
        Path parked = base.resolve("parked");
        Path link = base.resolve("link");
        Files.createSymbolicLink(link, LocalExportProfile.OUTSIDE);
        NinepClient c = attached();
        c.walk(ROOT, 2, dir);
        AtomicBoolean stop = new AtomicBoolean();
        Thread swapper = new Thread(() -> {
            try {
                while (!stop.get()) {
                    Files.move(real, parked, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(link, real, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(real, link, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(parked, real, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        swapper.start();
        int reachedInside = 0;
        try {
            long end = System.nanoTime() + 1_500_000_000L;
            int fid = 10;
            while (System.nanoTime() < end) {
                fid++;
                try {
                    if (c.walk(2, fid, "sub", "secret").size() == 2) {
                        c.lopen(fid, 0);
                        byte[] read = c.read(fid, 0, 100);
                        assertFalse(java.util.Arrays.equals(SECRET, read), "read a file outside the export");
                        reachedInside++;
                    }
                    c.clunk(fid);
                } catch (NinepException expected) {
                    assertTrue(expected.errno() == ENOENT || expected.errno() == ENOTDIR
                            || expected.errno() == ELOOP || expected.errno() == 9, "errno " + expected.errno());
                }
            }
        } finally {
            stop.set(true);
            swapper.join();
        }
        assertTrue(reachedInside > 0, "the walk never succeeded, so the test proved nothing");
    }

    @Test
    void namesWithSlashCannotClimb() throws Exception {
        NinepClient c = attached();
        assertThrows(NinepException.class, () -> c.walk(ROOT, 2, "../outside"));
        assertThrows(NinepException.class, () -> c.walk(ROOT, 2, "/etc"));
        assertThrows(NinepException.class, () -> c.mkdir(ROOT, "a/b", 0755, 0));
    }

    @Test
    void hostSideRenameIsFollowedByTheFid() throws Exception {
        String dir = uniqueDir();
        Path file = LocalExportProfile.EXPORT.resolve(dir).resolve("before");
        Files.writeString(file, "content");
        NinepClient c = attached();
        Qid before = c.walk(ROOT, 2, dir, "before").get(1);
        Files.move(file, file.resolveSibling("after"));
        assertEquals(before.path(), c.getattr(2, 0x7ff).qid().path(), "the fid follows the inode");
        c.lopen(2, 0);
        assertEquals("content", new String(c.read(2, 0, 100), StandardCharsets.UTF_8));
        assertNotEquals(0, before.path());
    }

    private static void assertSecretNotOpenable(NinepClient c, int symlinkFid) {
        NinepException e = assertThrows(NinepException.class, () -> c.lopen(symlinkFid, 0));
        assertTrue(e.errno() == ELOOP || e.errno() == 95, "opening a symlink fails, errno " + e.errno());
    }

    private static String uniqueDir() throws Exception {
        String name = "esc-" + UUID.randomUUID();
        Files.createDirectories(LocalExportProfile.EXPORT.resolve(name));
        return name;
    }
}
