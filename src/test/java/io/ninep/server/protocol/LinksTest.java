package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Qid;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The namespace: Tlink, Tsymlink/Treadlink, Tmknod, Tmkdir, Tunlinkat, Trenameat, Trename and Tremove.
 */
@QuarkusTest
class LinksTest extends NinepServerTestBase {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hardLinkSharesTheQidPath() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid original = FileOps.createFile(c, 2, 3, "a", utf8("shared"));
        c.link(2, 3, "b");
        assertEquals(original.path(), c.walk(2, 4, "b").get(0).path());
        assertArrayEquals(utf8("shared"), FileOps.contentOf(c, 2, 5, "b"));
    }

    @Test
    void hardLinkCountsTwoLinks() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "a", new byte[0]);
        c.link(2, 3, "b");
        assertEquals(2, c.getattr(3, P9.GETATTR_BASIC).nlink());
    }

    @Test
    void symlinkReadsBackItsTarget() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid link = c.symlink(2, "s", "../elsewhere/target", 0);
        assertEquals(Qid.SYMLINK, link.type());
        c.walk(2, 3, "s");
        assertEquals("../elsewhere/target", c.readlink(3));
        assertEquals(Linux.S_IFLNK, c.getattr(3, P9.GETATTR_BASIC).mode() & Linux.S_IFMT);
    }

    @Test
    void mknodMakesAFifo() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid fifo = c.mknod(2, "pipe", Linux.S_IFIFO | 0644, 0, 0, 0);
        assertEquals(fifo.path(), c.walk(2, 3, "pipe").get(0).path());
        assertEquals(Linux.S_IFIFO | 0644, c.getattr(3, P9.GETATTR_BASIC).mode());
    }

    @Test
    void mkdirMakesADirectory() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid dir = c.mkdir(2, "sub", 0750, 0);
        assertTrue(dir.isDirectory());
        c.walk(2, 3, "sub");
        assertEquals(Linux.S_IFDIR | 0750, c.getattr(3, P9.GETATTR_BASIC).mode());
    }

    @Test
    void mkdirIgnoresTypeBitsInTheMode() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "sub", Linux.S_IFDIR | 0700, 0);
        c.walk(2, 3, "sub");
        assertEquals(Linux.S_IFDIR | 0700, c.getattr(3, P9.GETATTR_BASIC).mode());
    }

    @Test
    void mkdirAddsALinkToItsParent() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        long before = c.getattr(2, P9.GETATTR_BASIC).nlink();
        c.mkdir(2, "sub", 0755, 0);
        assertEquals(before + 1, c.getattr(2, P9.GETATTR_BASIC).nlink());
    }

    @Test
    void distinctFilesHaveDistinctQidPaths() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid a = FileOps.createFile(c, 2, 3, "a", new byte[0]);
        Qid b = FileOps.createFile(c, 2, 4, "b", new byte[0]);
        Qid d = c.mkdir(2, "d", 0755, 0);
        assertEquals(3, Set.of(a.path(), b.path(), d.path()).size());
    }

    @Test
    void unlinkingOneOfTwoNamesLeavesOneLink() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "a", utf8("kept"));
        c.link(2, 3, "b");
        c.unlinkat(2, "a", 0);
        assertEquals(1, c.getattr(3, P9.GETATTR_BASIC).nlink());
        assertArrayEquals(utf8("kept"), FileOps.contentOf(c, 2, 4, "b"));
    }

    @Test
    void unlinkatOfADirectoryWithoutRemovedirIsEisdir() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "sub", 0755, 0);
        assertErrno(Errno.EISDIR, () -> c.unlinkat(2, "sub", 0));
    }

    @Test
    void unlinkatWithRemovedirOfAFileIsEnotdir() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", new byte[0]);
        assertErrno(Errno.ENOTDIR, () -> c.unlinkat(2, "f", Linux.AT_REMOVEDIR));
    }

    @Test
    void unlinkatWithRemovedirRemovesADirectory() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "sub", 0755, 0);
        c.unlinkat(2, "sub", Linux.AT_REMOVEDIR);
        assertErrno(Errno.ENOENT, () -> c.walk(2, 3, "sub"));
    }

    @Test
    void unlinkatRemovesAFile() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", new byte[0]);
        c.clunk(3);
        c.unlinkat(2, "f", 0);
        assertErrno(Errno.ENOENT, () -> c.walk(2, 3, "f"));
    }

    @Test
    void rmdirOfANonEmptyDirectoryIsEnotempty() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "full", 0755, 0);
        c.walk(2, 3, "full");
        c.mkdir(3, "inner", 0755, 0);
        assertErrno(Errno.ENOTEMPTY, () -> c.unlinkat(2, "full", Linux.AT_REMOVEDIR));
        assertEquals(2, c.walk(2, 4, "full", "inner").size());
    }

    @Test
    void unlinkatOfAMissingNameIsEnoent() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        assertErrno(Errno.ENOENT, () -> c.unlinkat(2, "missing", 0));
    }

    @Test
    void renameatOverAnExistingFileReplacesIt() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid a = FileOps.createFile(c, 2, 3, "a", utf8("from a"));
        FileOps.createFile(c, 2, 4, "b", utf8("from b"));
        c.clunk(3);
        c.clunk(4);
        c.renameat(2, "a", 2, "b");
        assertErrno(Errno.ENOENT, () -> c.walk(2, 5, "a"));
        assertEquals(a.path(), c.walk(2, 5, "b").get(0).path());
        assertArrayEquals(utf8("from a"), FileOps.contentOf(c, 2, 6, "b"));
    }

    @Test
    void renameatMovesBetweenDirectories() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid f = FileOps.createFile(c, 2, 3, "f", new byte[0]);
        c.mkdir(2, "to", 0755, 0);
        c.walk(2, 4, "to");
        c.renameat(2, "f", 4, "g");
        assertEquals(f.path(), c.walk(4, 5, "g").get(0).path());
        assertErrno(Errno.ENOENT, () -> c.walk(2, 6, "f"));
    }

    @Test
    void renameatOfADirectoryIntoItsOwnSubtreeIsEinval() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "outer", 0755, 0);
        c.walk(2, 3, "outer");
        c.mkdir(3, "inner", 0755, 0);
        c.walk(3, 4, "inner");
        assertErrno(Errno.EINVAL, () -> c.renameat(2, "outer", 4, "moved"));
    }

    @Test
    void renameatOfADirectoryOverANonEmptyOneIsEnotempty() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "a", 0755, 0);
        c.mkdir(2, "b", 0755, 0);
        c.walk(2, 3, "b");
        c.mkdir(3, "inside", 0755, 0);
        assertErrno(Errno.ENOTEMPTY, () -> c.renameat(2, "a", 2, "b"));
    }

    @Test
    void renameatOfAFileOverADirectoryIsEisdir() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", new byte[0]);
        c.mkdir(2, "d", 0755, 0);
        assertErrno(Errno.EISDIR, () -> c.renameat(2, "f", 2, "d"));
    }

    @Test
    void hardLinkToADirectoryIsEperm() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "d", 0755, 0);
        c.walk(2, 3, "d");
        assertErrno(Errno.EPERM, () -> c.link(2, 3, "alias"));
    }

    @Test
    void renameMovesTheFidsFileAndTheFidFollows() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid f = FileOps.createFile(c, 2, 3, "f", utf8("moved"));
        c.mkdir(2, "to", 0755, 0);
        c.walk(2, 4, "to");
        c.rename(3, 4, "renamed");
        assertErrno(Errno.ENOENT, () -> c.walk(2, 5, "f"));
        assertEquals(f.path(), c.walk(4, 5, "renamed").get(0).path());
        assertArrayEquals(utf8("moved"), c.read(3, 0, 100));
    }

    @Test
    void removeDeletesTheFileAndClunksTheFid() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", new byte[0]);
        c.remove(3);
        assertErrno(Errno.EBADF, () -> c.getattr(3, P9.GETATTR_BASIC));
        assertErrno(Errno.ENOENT, () -> c.walk(2, 4, "f"));
    }

    @Test
    void removeClunksTheFidEvenWhenItFails() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "full", 0755, 0);
        c.walk(2, 3, "full");
        c.mkdir(3, "inner", 0755, 0);
        assertErrno(Errno.ENOTEMPTY, () -> c.remove(3));
        assertErrno(Errno.EBADF, () -> c.getattr(3, P9.GETATTR_BASIC));
        assertEquals(1, c.walk(2, 4, "full").size());
    }

    @Test
    void removeAfterRenameRemovesTheNewName() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "old", new byte[0]);
        c.renameat(2, "old", 2, "new");
        c.remove(3);
        assertErrno(Errno.ENOENT, () -> c.walk(2, 4, "new"));
    }

    @Test
    void removeOfTheExportRootIsEbusyAndClunks() throws Exception {
        NinepClient c = attached();
        c.walk(ROOT, 2);
        assertErrno(Errno.EBUSY, () -> c.remove(2));
        assertErrno(Errno.EBADF, () -> c.getattr(2, P9.GETATTR_BASIC));
        assertTrue(c.getattr(ROOT, P9.GETATTR_BASIC).qid().isDirectory());
    }
}
