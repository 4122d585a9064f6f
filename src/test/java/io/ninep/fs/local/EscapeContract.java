package io.ninep.fs.local;

import static io.ninep.fs.local.LocalFs.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.FileSystem.Created;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Node;
import io.ninep.fs.OpenMode;
import io.ninep.posix.Errno;

/** Attempts to leave the export; run once with openat2 and once with the openat fallback. */
@ExtendWith(FdLeakCheck.class)
abstract class EscapeContract {
    private static final int RENAME_EXCHANGE = 2;

    @TempDir
    Path tmp;
    LocalFs t;
    Path exportReal;

    abstract Tuning tuning();

    @BeforeEach
    void setUp() throws Exception {
        t = LocalFs.in(tmp, tuning());
        exportReal = t.export.toRealPath();
        assertEquals(tuning().openat2(), t.fs.usesOpenat2());
    }

    @AfterEach
    void tearDown() throws Exception {
        t.close();
    }

    @Test
    void dotDotAtRootStaysAtRoot() {
        Node root = t.root();
        Node up = t.walk("..", "..", "..");
        assertEquals(root.id().inode(), up.id().inode());
        assertEquals(root.id().device(), up.id().device());
        assertEquals(root.id().inode(), t.fs.getattr(up).id().inode());
    }

    @Test
    void dotDotBackToRootFromSubdirectoryStopsThere() {
        t.write("d/f", "x");
        Node root = t.root();
        assertEquals(root.id().inode(), t.walk("d", "..", "..").id().inode());
    }

    @Test
    void absoluteSymlinkIsNotFollowed() throws Exception {
        Files.createSymbolicLink(t.export.resolve("etc"), Path.of("/etc"));
        Node etc = t.walk("etc");
        assertEquals(FileType.SYMLINK, etc.id().type());
        assertEquals("/etc", t.fs.readlink(etc));
        assertErrno(Errno.ENOTDIR, () -> t.fs.walk(etc, "passwd"));
        assertErrno(Errno.ELOOP, () -> t.fs.open(etc, OpenMode.readOnly(), LocalFs.ROOT));
    }

    @Test
    void relativeSymlinkUpwardsIsNotFollowed() throws Exception {
        t.write("a/b/f", "x");
        Files.createSymbolicLink(t.export.resolve("a/b/up"), Path.of("../../.."));
        Node up = t.walk("a", "b", "up");
        assertEquals(FileType.SYMLINK, up.id().type());
        assertErrno(Errno.ENOTDIR, () -> t.fs.walk(up, "outside"));
        assertErrno(Errno.ENOTDIR, () -> t.fs.walk(up, ".."));
    }

    @Test
    void createThroughSymlinkToOutsideIsRefused() throws Exception {
        Path target = t.outside.resolve("planted");
        Files.createSymbolicLink(t.export.resolve("evil"), target);
        Node root = t.root();
        assertErrno(Errno.ELOOP, () -> t.fs.create(root, "evil", LocalFs.mode(OpenMode.Access.WRITE), 0644,
                LocalFs.ROOT));
        assertFalse(Files.exists(target));
    }

    @Test
    void mkdirAndMknodOnASymlinkNameDoNotFollowIt() throws Exception {
        Path target = t.outside.resolve("planted");
        Files.createSymbolicLink(t.export.resolve("evil"), target);
        Node root = t.root();
        assertErrno(Errno.EEXIST, () -> t.fs.mkdir(root, "evil", 0755, LocalFs.ROOT));
        assertErrno(Errno.EEXIST, () -> t.fs.mknod(root, "evil", 0010644, 0, 0, LocalFs.ROOT));
        assertErrno(Errno.EEXIST, () -> t.fs.symlink(root, "evil", "x", LocalFs.ROOT));
        assertFalse(Files.exists(target));
    }

    @Test
    void namesWithSlashOrNulAreRefused() {
        Node root = t.root();
        assertErrno(Errno.EINVAL, () -> t.fs.walk(root, "../outside"));
        assertErrno(Errno.EINVAL, () -> t.fs.walk(root, "a\0"));
        assertErrno(Errno.EINVAL, () -> t.fs.mkdir(root, "../outside/x", 0755, LocalFs.ROOT));
        assertErrno(Errno.EINVAL, () -> t.fs.create(root, "x/y", OpenMode.readOnly(), 0644, LocalFs.ROOT));
    }

    @Test
    void directorySwappedForSymlinkToHostRootNeverLeadsOutside() throws Exception {
        raceAgainstSwap(Path.of("/"));
    }

    /** The outside directory has the same names ("secret", "sub"), so following the symlink would succeed. */
    @Test
    void directorySwappedForSymlinkToLookalikeNeverLeadsOutside() throws Exception {
        Files.createDirectories(t.outside.resolve("sub"));
        raceAgainstSwap(t.outside);
    }

    /**
     * One thread swaps directory "d" with a symlink to {@code target} (renameat2 RENAME_EXCHANGE, atomic) while
     * another walks into it and creates, renames and removes in its subdirectory (rename and remove of a node
     * resolve its current path "d/sub/name" again); nothing it gets or touches may lie outside.
     */
    private void raceAgainstSwap(Path target) throws Exception {
        t.write("d/secret", "inside");
        Files.createDirectories(t.export.resolve("d/sub"));
        Files.createSymbolicLink(t.export.resolve("swap"), target);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        String d = t.export.resolve("d").toString();
        String swap = t.export.resolve("swap").toString();
        Thread flipper = new Thread(() -> {
            while (!stop.get()) {
                Syscalls.renameat2(Linux.AT_FDCWD, d, Linux.AT_FDCWD, swap, RENAME_EXCHANGE);
                swaps.incrementAndGet();
            }
        });
        flipper.start();
        Set<Errno> seen = ConcurrentHashMap.newKeySet();
        int inside = 0;
        Node root = t.root();
        try {
            long end = System.nanoTime() + 600_000_000L;
            for (int i = 0; System.nanoTime() < end; i++) {
                try (Node dir = t.fs.walk(root, "d")) {
                    if (dir.id().type() == FileType.SYMLINK) {
                        continue;
                    }
                    assertInside(dir);
                    try (Node secret = t.fs.walk(dir, "secret")) {
                        assertInside(secret);
                        inside++;
                    }
                    try (Node sub = t.fs.walk(dir, "sub"); Node back = t.fs.walk(sub, "..")) {
                        assertInside(back);
                        Created c = t.fs.create(sub, "new" + i, LocalFs.mode(OpenMode.Access.WRITE), 0644,
                                LocalFs.ROOT);
                        try (Node created = c.node()) {
                            c.file().close();
                            assertInside(created);
                            t.fs.rename(created, sub, "renamed" + i);
                            t.fs.remove(created);
                        }
                    }
                } catch (FsException e) {
                    seen.add(e.errno());
                }
            }
        } finally {
            stop.set(true);
            flipper.join();
        }
        assertTrue(swaps.get() > 100, "the flipper ran");
        assertTrue(inside > 0, "some walks happened while d was a directory");
        assertFalse(planted(target) || planted(target.resolve("sub")), "something was created at " + target);
        assertEquals("outside", Files.readString(t.outside.resolve("secret")));
        for (Errno e : seen) {
            assertTrue(e == Errno.ENOENT || e == Errno.ENOTDIR || e == Errno.ESTALE, "unexpected " + e);
        }
    }

    private void assertInside(Node node) throws Exception {
        Path path = Files.readSymbolicLink(Path.of(((LocalNode) node).procPath()));
        assertTrue(path.startsWith(exportReal), path + " is outside " + exportReal);
    }

    private static boolean planted(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> names = Files.list(dir)) {
            return names.anyMatch(p -> p.getFileName().toString().matches("(new|renamed)[0-9]+"));
        }
    }
}
