package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.export.Export;
import io.ninep.export.ExportPolicy;
import io.ninep.export.ExportRegistry;
import io.ninep.posix.Errno;
import io.ninep.protocol.Dirent;
import io.ninep.protocol.P9;
import io.ninep.server.ControlPlane;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An export configured read-only: every mutation is EROFS, every read works. Its content is put there by
 * lifting the read-only flag through the control plane for a moment and then restoring the configured policy,
 * so the tests see the configuration's effect, not a policy they set themselves.
 */
@QuarkusTest
@TestProfile(ReadOnlyExportTest.ReadOnlyExport.class)
class ReadOnlyExportTest extends NinepServerTestBase {
    private static final String EXPORT = "ro";
    private static final byte[] CONTENT = "read me".getBytes(StandardCharsets.UTF_8);

    public static final class ReadOnlyExport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ninep.exports.ro.type", "memory", "ninep.exports.ro.read-only", "true");
        }
    }

    @Inject
    ControlPlane controlPlane;
    @Inject
    ExportRegistry exports;

    /** The fresh directory of this test in the read-only export, holding file "f" and directory "d". */
    private String dir;

    private void changePolicy(UnaryOperator<ExportPolicy> change) throws Exception {
        Export ro = exports.byName(EXPORT).orElseThrow();
        controlPlane.update(ro, change).get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void populate() throws Exception {
        ExportPolicy configured = controlPlane.policy(exports.byName(EXPORT).orElseThrow());
        dir = "t-" + UUID.randomUUID();
        changePolicy(p -> p.withReadOnly(false));
        try (NinepClient c = connect()) {
            c.attach(ROOT, P9.NOFID, "root", EXPORT, 0);
            c.mkdir(ROOT, dir, 0755, 0);
            c.walk(ROOT, 2, dir);
            FileOps.createFile(c, 2, 3, "f", CONTENT);
            c.mkdir(2, "d", 0755, 0);
        } finally {
            changePolicy(p -> configured);
        }
    }

    /** A client of the read-only export with fid 2 on this test's directory. */
    private NinepClient inDir() throws Exception {
        NinepClient c = connect();
        c.attach(ROOT, P9.NOFID, "root", EXPORT, 0);
        c.walk(ROOT, 2, dir);
        return c;
    }

    @Test
    void mkdirIsErofs() throws Exception {
        NinepClient c = inDir();
        assertErrno(Errno.EROFS, () -> c.mkdir(2, "new", 0755, 0));
    }

    @Test
    void lcreateIsErofs() throws Exception {
        NinepClient c = inDir();
        c.walk(2, 3);
        assertErrno(Errno.EROFS, () -> c.lcreate(3, "new", Linux.O_RDWR, 0644, 0));
        assertErrno(Errno.ENOENT, () -> c.walk(2, 4, "new"));
    }

    @Test
    void lopenForWritingIsErofs() throws Exception {
        NinepClient c = inDir();
        c.walk(2, 3, "f");
        assertErrno(Errno.EROFS, () -> c.lopen(3, Linux.O_WRONLY));
    }

    @Test
    void lopenWithTruncIsErofs() throws Exception {
        NinepClient c = inDir();
        c.walk(2, 3, "f");
        assertErrno(Errno.EROFS, () -> c.lopen(3, Linux.O_RDONLY | Linux.O_TRUNC));
        assertEquals(CONTENT.length, c.getattr(3, P9.GETATTR_BASIC).size());
    }

    @Test
    void writeThroughAFidOpenedBeforeIsErofs() throws Exception {
        ExportPolicy configured = controlPlane.policy(exports.byName(EXPORT).orElseThrow());
        NinepClient c = inDir();
        changePolicy(p -> p.withReadOnly(false));
        try {
            FileOps.open(c, 2, 3, Linux.O_RDWR, "f");
        } finally {
            changePolicy(p -> configured);
        }
        assertErrno(Errno.EROFS, () -> c.write(3, 0, "changed".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(CONTENT, c.read(3, 0, 100));
    }

    @Test
    void setattrIsErofs() throws Exception {
        NinepClient c = inDir();
        c.walk(2, 3, "f");
        assertErrno(Errno.EROFS, () -> c.setattr(3, Linux.SETATTR_MODE, 0600, 0, 0, 0, 0, 0, 0, 0));
        assertErrno(Errno.EROFS, () -> c.setattr(3, Linux.SETATTR_SIZE, 0, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(Linux.S_IFREG | 0644, c.getattr(3, P9.GETATTR_BASIC).mode());
        assertEquals(CONTENT.length, c.getattr(3, P9.GETATTR_BASIC).size());
    }

    @Test
    void unlinkatIsErofs() throws Exception {
        NinepClient c = inDir();
        assertErrno(Errno.EROFS, () -> c.unlinkat(2, "f", 0));
        assertErrno(Errno.EROFS, () -> c.unlinkat(2, "d", Linux.AT_REMOVEDIR));
        assertEquals(1, c.walk(2, 3, "f").size());
    }

    @Test
    void renameatIsErofs() throws Exception {
        NinepClient c = inDir();
        assertErrno(Errno.EROFS, () -> c.renameat(2, "f", 2, "g"));
    }

    @Test
    void linkIsErofs() throws Exception {
        NinepClient c = inDir();
        c.walk(2, 3, "f");
        assertErrno(Errno.EROFS, () -> c.link(2, 3, "alias"));
    }

    @Test
    void renameAcrossExportsIsExdev() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", CONTENT);
        c.attach(4, P9.NOFID, "root", EXPORT, 0);
        c.walk(4, 5, dir);
        assertErrno(Errno.EXDEV, () -> c.renameat(2, "f", 5, "moved"));
    }

    @Test
    void symlinkIsErofs() throws Exception {
        NinepClient c = inDir();
        assertErrno(Errno.EROFS, () -> c.symlink(2, "s", "f", 0));
    }

    @Test
    void xattrcreateIsErofs() throws Exception {
        NinepClient c = inDir();
        c.walk(2, 3, "f");
        assertErrno(Errno.EROFS, () -> c.xattrcreate(3, "user.x", 1, 0));
    }

    @Test
    void removeIsErofsAndStillClunksTheFid() throws Exception {
        NinepClient c = inDir();
        c.walk(2, 3, "f");
        assertErrno(Errno.EROFS, () -> c.remove(3));
        assertErrno(Errno.EBADF, () -> c.getattr(3, P9.GETATTR_BASIC));
        assertEquals(1, c.walk(2, 4, "f").size());
    }

    @Test
    void readsStillWork() throws Exception {
        NinepClient c = inDir();
        assertArrayEquals(CONTENT, FileOps.contentOf(c, 2, 3, "f"));
    }

    @Test
    void readdirStillWorks() throws Exception {
        NinepClient c = inDir();
        c.walk(2, 3);
        c.lopen(3, Linux.O_RDONLY);
        assertEquals(Set.of(".", "..", "f", "d"),
                c.readdirAll(3).stream().map(Dirent::name).collect(Collectors.toSet()));
    }

    @Test
    void getattrAndStatfsStillWork() throws Exception {
        NinepClient c = inDir();
        c.walk(2, 3, "d");
        assertTrue(c.getattr(3, P9.GETATTR_BASIC).qid().isDirectory());
        assertTrue(c.statfs(3).bsize() > 0);
    }

    @Test
    void otherExportsStayWritable() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        assertTrue(c.mkdir(2, "fine", 0755, 0).isDirectory());
    }
}
