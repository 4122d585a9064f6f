package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ninep.client.NinepClient;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Extended attributes the way the Linux client handles them: set by clone walk + Txattrcreate + Twrite +
 * Tclunk (the commit), get and list by Txattrwalk + Tread + Tclunk.
 */
@QuarkusTest
class XattrTest extends NinepServerTestBase {
    private static final int FILE = 3;
    private static final int XATTR_CREATE = 1;
    private static final int XATTR_REPLACE = 2;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A file in a fresh directory, walked (not opened) as {@link #FILE}. */
    private NinepClient withFile() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 9, "f", new byte[0]);
        c.clunk(9);
        c.walk(2, FILE, "f");
        return c;
    }

    private static void set(NinepClient c, String name, byte[] value) {
        c.walk(FILE, 10);
        c.xattrcreate(10, name, value.length, 0);
        if (value.length > 0) {
            c.write(10, 0, value);
        }
        c.clunk(10);
    }

    private static byte[] get(NinepClient c, String name) {
        long size = c.xattrwalk(FILE, 11, name);
        try {
            byte[] value = c.read(11, 0, (int) size);
            assertEquals(size, value.length);
            return value;
        } finally {
            c.clunk(11);
        }
    }

    @Test
    void valueSetThroughClunkReadsBack() throws Exception {
        NinepClient c = withFile();
        set(c, "user.colour", utf8("blue"));
        assertEquals(4, c.xattrwalk(FILE, 11, "user.colour"));
        assertArrayEquals(utf8("blue"), c.read(11, 0, 100));
    }

    @Test
    void emptyNameListsTheAttributeNames() throws Exception {
        NinepClient c = withFile();
        set(c, "user.a", utf8("1"));
        set(c, "user.bb", utf8("22"));
        byte[] list = get(c, "");
        assertEquals(0, list[list.length - 1], "the list ends with NUL");
        Set<String> names = new HashSet<>(Arrays.asList(
                new String(list, 0, list.length - 1, StandardCharsets.UTF_8).split("\0")));
        assertEquals(Set.of("user.a", "user.bb"), names);
    }

    @Test
    void missingAttributeIsEnodata() throws Exception {
        NinepClient c = withFile();
        assertErrno(Errno.ENODATA, () -> c.xattrwalk(FILE, 11, "user.missing"));
    }

    @Test
    void xattrcreateOfSizeZeroRemovesTheAttribute() throws Exception {
        NinepClient c = withFile();
        set(c, "user.gone", utf8("soon"));
        set(c, "user.gone", new byte[0]);
        assertErrno(Errno.ENODATA, () -> c.xattrwalk(FILE, 11, "user.gone"));
    }

    @Test
    void setReplacesAnEarlierValue() throws Exception {
        NinepClient c = withFile();
        set(c, "user.v", utf8("first"));
        set(c, "user.v", utf8("second"));
        assertArrayEquals(utf8("second"), get(c, "user.v"));
    }

    @Test
    void valueShorterThanAnnouncedFailsAtClunkAndSetsNothing() throws Exception {
        NinepClient c = withFile();
        c.walk(FILE, 10);
        c.xattrcreate(10, "user.short", 10, 0);
        c.write(10, 0, utf8("abc"));
        assertErrno(Errno.EINVAL, () -> c.clunk(10));
        assertErrno(Errno.EBADF, () -> c.getattr(10, P9.GETATTR_BASIC));
        assertErrno(Errno.ENODATA, () -> c.xattrwalk(FILE, 11, "user.short"));
    }

    @Test
    void createFlagOnAnExistingAttributeFailsAtClunkWithEexist() throws Exception {
        NinepClient c = withFile();
        set(c, "user.once", utf8("1"));
        c.walk(FILE, 10);
        c.xattrcreate(10, "user.once", 1, XATTR_CREATE);
        c.write(10, 0, utf8("2"));
        assertErrno(Errno.EEXIST, () -> c.clunk(10));
        assertArrayEquals(utf8("1"), get(c, "user.once"));
    }

    @Test
    void replaceFlagOnAMissingAttributeFailsAtClunkWithEnodata() throws Exception {
        NinepClient c = withFile();
        c.walk(FILE, 10);
        c.xattrcreate(10, "user.absent", 1, XATTR_REPLACE);
        c.write(10, 0, utf8("2"));
        assertErrno(Errno.ENODATA, () -> c.clunk(10));
    }

    @Test
    void removingAMissingAttributeFailsAtClunkWithEnodata() throws Exception {
        NinepClient c = withFile();
        c.walk(FILE, 10);
        c.xattrcreate(10, "user.absent", 0, 0);
        assertErrno(Errno.ENODATA, () -> c.clunk(10));
    }
}
