package io.ninep.fs.local;

import static io.ninep.fs.local.LocalFs.assertErrno;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.Node;
import io.ninep.posix.Errno;

@ExtendWith(FdLeakCheck.class)
class XattrTest {
    /** setxattr(2) flags, as the SPI passes them. */
    private static final int XATTR_CREATE = 1;
    private static final int XATTR_REPLACE = 2;

    @TempDir
    Path tmp;
    LocalFs t;

    @BeforeEach
    void setUp() {
        t = LocalFs.in(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        t.close();
    }

    @Test
    void setGetListRemove() {
        t.write("f", "x");
        Node f = t.walk("f");
        assertEquals(List.of(), t.fs.listxattr(f));
        t.fs.setxattr(f, "user.one", "1".getBytes(UTF_8), 0);
        t.fs.setxattr(f, "user.two", new byte[0], 0);
        assertArrayEquals("1".getBytes(UTF_8), t.fs.getxattr(f, "user.one"));
        assertArrayEquals(new byte[0], t.fs.getxattr(f, "user.two"));
        assertEquals(Set.of("user.one", "user.two"), Set.copyOf(t.fs.listxattr(f)));
        t.fs.removexattr(f, "user.one");
        assertEquals(List.of("user.two"), t.fs.listxattr(f));
    }

    @Test
    void missingAttributeGivesEnodata() {
        t.write("f", "x");
        Node f = t.walk("f");
        assertErrno(Errno.ENODATA, () -> t.fs.getxattr(f, "user.none"));
        assertErrno(Errno.ENODATA, () -> t.fs.removexattr(f, "user.none"));
    }

    @Test
    void createAndReplaceFlags() {
        t.write("f", "x");
        Node f = t.walk("f");
        assertErrno(Errno.ENODATA, () -> t.fs.setxattr(f, "user.a", new byte[] {1}, XATTR_REPLACE));
        t.fs.setxattr(f, "user.a", new byte[] {1}, XATTR_CREATE);
        assertErrno(Errno.EEXIST, () -> t.fs.setxattr(f, "user.a", new byte[] {2}, XATTR_CREATE));
        t.fs.setxattr(f, "user.a", new byte[] {3}, XATTR_REPLACE);
        assertArrayEquals(new byte[] {3}, t.fs.getxattr(f, "user.a"));
    }

    @Test
    void largeValueRoundTrips() {
        t.write("f", "x");
        Node f = t.walk("f");
        byte[] big = new byte[3000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        t.fs.setxattr(f, "user.big", big, 0);
        assertArrayEquals(big, t.fs.getxattr(f, "user.big"));
    }

    @Test
    void worksOnDirectoriesAndUnlinkedFiles() {
        t.write("d/f", "x");
        Node d = t.walk("d");
        Node f = t.walk("d", "f");
        t.fs.setxattr(d, "user.dir", new byte[] {1}, 0);
        assertArrayEquals(new byte[] {1}, t.fs.getxattr(d, "user.dir"));
        t.fs.unlinkat(d, "f", false);
        t.fs.setxattr(f, "user.gone", new byte[] {2}, 0);
        assertArrayEquals(new byte[] {2}, t.fs.getxattr(f, "user.gone"));
    }

    @Test
    void symlinkAttributesBelongToTheLinkNotItsTarget() throws Exception {
        Path target = t.write("target", "x");
        Files.createSymbolicLink(t.export.resolve("link"), Path.of("target"));
        Node link = t.walk("link");
        assertErrno(Errno.EPERM, () -> t.fs.setxattr(link, "user.a", new byte[] {1}, 0));
        t.fs.setxattr(link, "trusted.a", new byte[] {1}, 0);
        assertArrayEquals(new byte[] {1}, t.fs.getxattr(link, "trusted.a"));
        assertTrue(t.fs.listxattr(link).contains("trusted.a"));
        assertErrno(Errno.ENODATA, () -> t.fs.getxattr(t.walk("target"), "trusted.a"));
        assertTrue(Files.exists(target));
    }

    @Test
    void badNamesAreRefused() {
        t.write("f", "x");
        Node f = t.walk("f");
        assertErrno(Errno.EINVAL, () -> t.fs.getxattr(f, "user.a\0b"));
        assertErrno(Errno.EOPNOTSUPP, () -> t.fs.setxattr(f, "nonamespace", new byte[] {1}, 0));
        assertErrno(Errno.EINVAL, () -> t.fs.setxattr(f, "user.a", new byte[] {1}, 4));
    }
}
