package io.ninep.fs.memory;

import io.ninep.fs.Node;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.ninep.fs.memory.FsTesting.USER;
import static io.ninep.fs.memory.FsTesting.assertErrno;
import static io.ninep.fs.memory.FsTesting.file;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryXattrTest {
    private static final int XATTR_CREATE = 1;
    private static final int XATTR_REPLACE = 2;

    private MemoryFileSystem fs;
    private Node root;
    private Node f;

    @BeforeEach
    void setUp() {
        fs = new MemoryFileSystem("xattr", 1 << 20);
        root = fs.root();
        f = file(fs, root, "f", "");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void setValueReadsBack() {
        fs.setxattr(f, "user.colour", bytes("blue"), 0);
        assertArrayEquals(bytes("blue"), fs.getxattr(f, "user.colour"));
        fs.setxattr(f, "user.colour", bytes("red"), 0);
        assertArrayEquals(bytes("red"), fs.getxattr(f, "user.colour"));
    }

    @Test
    void valueIsCopiedInAndOut() {
        byte[] value = bytes("abc");
        fs.setxattr(f, "user.k", value, 0);
        value[0] = 'z';
        fs.getxattr(f, "user.k")[1] = 'z';
        assertArrayEquals(bytes("abc"), fs.getxattr(f, "user.k"));
    }

    @Test
    void emptyValueIsAValue() {
        fs.setxattr(f, "user.empty", new byte[0], 0);
        assertEquals(0, fs.getxattr(f, "user.empty").length);
    }

    @Test
    void missingAttributeIsEnodata() {
        assertErrno(Errno.ENODATA, () -> fs.getxattr(f, "user.missing"));
        assertErrno(Errno.ENODATA, () -> fs.removexattr(f, "user.missing"));
    }

    @Test
    void createFlagOnExistingIsEexist() {
        fs.setxattr(f, "user.k", bytes("1"), XATTR_CREATE);
        assertErrno(Errno.EEXIST, () -> fs.setxattr(f, "user.k", bytes("2"), XATTR_CREATE));
        assertArrayEquals(bytes("1"), fs.getxattr(f, "user.k"));
    }

    @Test
    void replaceFlagOnMissingIsEnodata() {
        assertErrno(Errno.ENODATA, () -> fs.setxattr(f, "user.k", bytes("1"), XATTR_REPLACE));
        fs.setxattr(f, "user.k", bytes("1"), 0);
        fs.setxattr(f, "user.k", bytes("2"), XATTR_REPLACE);
        assertArrayEquals(bytes("2"), fs.getxattr(f, "user.k"));
    }

    @Test
    void unknownFlagsAreEinval() {
        assertErrno(Errno.EINVAL, () -> fs.setxattr(f, "user.k", bytes("1"), 4));
    }

    @Test
    void removeDeletesAndListShowsWhatIsLeft() {
        fs.setxattr(f, "user.a", bytes("1"), 0);
        fs.setxattr(f, "trusted.b", bytes("2"), 0);
        fs.setxattr(f, "security.c", bytes("3"), 0);
        assertEquals(List.of("user.a", "trusted.b", "security.c"), fs.listxattr(f));
        fs.removexattr(f, "trusted.b");
        assertEquals(List.of("user.a", "security.c"), fs.listxattr(f));
        assertErrno(Errno.ENODATA, () -> fs.getxattr(f, "trusted.b"));
    }

    @Test
    void valuesAboveSixtyFourKibibytesAreE2big() {
        fs.setxattr(f, "user.max", new byte[65536], 0);
        assertErrno(Errno.E2BIG, () -> fs.setxattr(f, "user.big", new byte[65537], 0));
    }

    @Test
    void emptyOrOverlongNamesAreErange() {
        assertErrno(Errno.ERANGE, () -> fs.setxattr(f, "", bytes("1"), 0));
        assertErrno(Errno.ERANGE, () -> fs.getxattr(f, "user." + "n".repeat(251)));
        fs.setxattr(f, "user." + "n".repeat(250), bytes("1"), 0);
    }

    @Test
    void userAttributesOnASymlinkAreRefusedOthersAllowed() {
        Node link = fs.symlink(root, "l", "f", USER);
        assertErrno(Errno.EPERM, () -> fs.setxattr(link, "user.k", bytes("1"), 0));
        assertErrno(Errno.ENODATA, () -> fs.getxattr(link, "user.k"));
        fs.setxattr(link, "trusted.k", bytes("1"), 0);
        assertArrayEquals(bytes("1"), fs.getxattr(link, "trusted.k"));
    }

    @Test
    void directoriesHoldAttributesToo() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        fs.setxattr(d, "user.k", bytes("v"), 0);
        assertEquals(List.of("user.k"), fs.listxattr(d));
    }

    @Test
    void attributesCountAgainstCapacity() {
        fs.setxattr(f, "user.a", new byte[60_000], 0);
        assertTrue(fs.usedBytes() >= 60_000);
        for (int i = 0; i < 16; i++) {
            fs.setxattr(f, "user.n" + i, new byte[60_000], 0);
        }
        assertErrno(Errno.ENOSPC, () -> fs.setxattr(f, "user.last", new byte[60_000], 0));
        fs.removexattr(f, "user.a");
        fs.setxattr(f, "user.last", new byte[60_000], 0);
    }

    @Test
    void settingChangesCtimeButNotVersion() throws InterruptedException {
        long version = fs.getattr(f).id().version();
        Timestamp ctime = fs.getattr(f).ctime();
        Thread.sleep(2);
        fs.setxattr(f, "user.k", bytes("v"), 0);
        assertEquals(version, fs.getattr(f).id().version());
        assertNotEquals(ctime, fs.getattr(f).ctime());
    }
}
