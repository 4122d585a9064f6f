package io.ninep.export.qid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.fs.FileSystem;
import io.ninep.fs.FsException;
import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.fs.local.LocalFileSystem;
import io.ninep.posix.Errno;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The qid table and its companions in the export root are invisible and untouchable for clients. */
class HiddenEntryFileSystemTest {
    private static final String TABLE = QidSettings.DEFAULT_TABLE;
    private static final Identity ROOT = new Identity(0, 0);

    @TempDir
    Path root;
    private FileSystem fs;

    @BeforeEach
    void open() throws Exception {
        Files.writeString(root.resolve(TABLE), "table");
        Files.writeString(root.resolve(TABLE + ".lock"), "");
        Files.writeString(root.resolve(TABLE + "x"), "an ordinary file with a similar name");
        Files.writeString(root.resolve("visible"), "visible");
        Files.createDirectories(root.resolve("sub"));
        fs = new HiddenEntryFileSystem(LocalFileSystem.open(root, "hidden-test"), TABLE);
    }

    @AfterEach
    void close() {
        fs.close();
    }

    @Test
    void readdirOfTheRootNeverShowsTheTableOrItsCompanions() {
        List<String> names = names(fs.root());
        assertFalse(names.contains(TABLE), names.toString());
        assertFalse(names.contains(TABLE + ".lock"), names.toString());
        assertTrue(names.containsAll(List.of("visible", "sub", TABLE + "x", ".", "..")), names.toString());
    }

    @Test
    void readdirResumedFromEveryCookieStillSkipsTheTable() {
        List<String> names = new ArrayList<>();
        long[] cookie = {0};
        try (Node r = fs.root(); OpenFile dir = fs.open(r, MultiDevsTest.dirMode(), ROOT)) {
            boolean[] more = {true};
            while (more[0]) {
                more[0] = false;
                fs.readdir(dir, cookie[0], (name, id, next) -> {
                    if (more[0]) {
                        return false;
                    }
                    names.add(name);
                    cookie[0] = next;
                    more[0] = true;
                    return true;
                });
            }
        }
        assertFalse(names.contains(TABLE), names.toString());
        assertTrue(names.contains("visible"), names.toString());
    }

    @Test
    void walkToTheTableAnswersEnoent() {
        assertErrno(Errno.ENOENT, () -> inRoot(r -> fs.walk(r, TABLE).close()));
        assertErrno(Errno.ENOENT, () -> inRoot(r -> fs.walk(r, TABLE + ".lock").close()));
        inRoot(r -> fs.walk(r, "visible").close());
    }

    @Test
    void unlinkOfTheTableAnswersEnoentAndLeavesItInPlace() {
        assertErrno(Errno.ENOENT, () -> inRoot(r -> fs.unlinkat(r, TABLE, false)));
        assertTrue(Files.exists(root.resolve(TABLE)));
    }

    @Test
    void renameOntoOrAwayFromTheTableIsRefused() {
        assertErrno(Errno.EACCES, () -> inRoot(r -> fs.renameat(r, "visible", r, TABLE)));
        assertErrno(Errno.ENOENT, () -> inRoot(r -> fs.renameat(r, TABLE, r, "stolen")));
        assertErrno(Errno.EACCES, () -> inRoot(r -> {
            try (Node v = fs.walk(r, "visible")) {
                fs.rename(v, r, TABLE);
            }
        }));
        assertEquals("table", read(root.resolve(TABLE)));
        assertTrue(Files.exists(root.resolve("visible")));
    }

    @Test
    void creatingOrLinkingTheTableNameIsRefused() {
        OpenMode create = new OpenMode(OpenMode.Access.WRITE, false, false, false, false, false, false, false, false);
        assertErrno(Errno.EACCES, () -> inRoot(r -> fs.create(r, TABLE, create, 0644, ROOT).file().close()));
        assertErrno(Errno.EACCES, () -> inRoot(r -> fs.mkdir(r, TABLE + ".tmp", 0755, ROOT).close()));
        assertErrno(Errno.EACCES, () -> inRoot(r -> fs.symlink(r, TABLE + ".tmp", "x", ROOT).close()));
        assertErrno(Errno.EACCES, () -> inRoot(r -> fs.mknod(r, TABLE + ".tmp", 0010644, 0, 0, ROOT).close()));
        assertErrno(Errno.EACCES, () -> inRoot(r -> {
            try (Node v = fs.walk(r, "visible")) {
                fs.link(r, TABLE + ".tmp", v);
            }
        }));
        assertFalse(Files.exists(root.resolve(TABLE + ".tmp")));
    }

    @Test
    void theSameNameBelowTheRootIsAnOrdinaryName() {
        inRoot(r -> {
            try (Node sub = fs.walk(r, "sub")) {
                fs.mkdir(sub, TABLE, 0755, ROOT).close();
                assertTrue(names(fs.duplicate(sub)).contains(TABLE));
                fs.walk(sub, TABLE).close();
                fs.unlinkat(sub, TABLE, true);
            }
        });
    }

    @Test
    void filesOpenedThroughTheDecoratorReadAndWrite() throws Exception {
        inRoot(r -> {
            try (Node v = fs.walk(r, "visible");
                 OpenFile f = fs.open(v, new OpenMode(OpenMode.Access.READ_WRITE, false, false, false, false, false,
                         false, false, false), ROOT)) {
                fs.write(f, 0, ByteBuffer.wrap("VIS".getBytes(StandardCharsets.UTF_8)));
                ByteBuffer dst = ByteBuffer.allocate(16);
                fs.read(f, 0, dst);
                assertEquals("VISible", new String(dst.array(), 0, dst.position(), StandardCharsets.UTF_8));
            }
        });
    }

    private interface OnRoot {
        void run(Node root);
    }

    private void inRoot(OnRoot body) {
        try (Node r = fs.root()) {
            body.run(r);
        }
    }

    private List<String> names(Node dir) {
        List<String> out = new ArrayList<>();
        try (dir; OpenFile f = fs.open(dir, MultiDevsTest.dirMode(), ROOT)) {
            fs.readdir(f, 0, (name, id, next) -> out.add(name));
        }
        return out;
    }

    private static void assertErrno(Errno expected, Executable e) {
        assertEquals(expected, assertThrows(FsException.class, e).errno());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
