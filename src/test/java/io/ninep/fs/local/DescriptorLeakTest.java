package io.ninep.fs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.FileSystem.Created;
import io.ninep.fs.FsException;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.fs.OpenMode.Access;

/** Every operation, its failures included, leaves the number of open descriptors as it found it. */
@ExtendWith(FdLeakCheck.class)
class DescriptorLeakTest {
    @TempDir
    Path tmp;

    @Test
    void operationsAndTheirFailuresCloseWhatTheyOpen() throws Exception {
        for (Tuning tuning : List.of(Tuning.DEFAULT, new Tuning(false, false))) {
            try (LocalFs t = LocalFs.in(tmp.resolve(String.valueOf(tuning.openat2())), tuning)) {
                t.write("d/f", "content");
                Files.createSymbolicLink(t.export.resolve("link"), Path.of("/etc"));
                Files.createDirectories(t.outside.resolve("moved"));
                workout(t);
                long before = FdLeakCheck.count();
                for (int round = 0; round < 20; round++) {
                    workout(t);
                }
                assertEquals(before, FdLeakCheck.count(), "descriptors after 20 rounds with " + tuning);
            }
        }
    }

    private static void workout(LocalFs t) throws Exception {
        OpenMode rw = LocalFs.mode(Access.READ_WRITE);
        OpenMode excl = new OpenMode(Access.READ_WRITE, false, false, true, false, false, false, false, false);
        try (Node root = t.fs.root(); Node d = t.fs.walk(root, "d"); Node f = t.fs.walk(d, "f");
             Node link = t.fs.walk(root, "link"); Node up = t.fs.walk(d, "..")) {
            failing(() -> t.fs.walk(root, "missing"));
            failing(() -> t.fs.walk(link, "passwd"));
            failing(() -> t.fs.walk(root, "a/b"));
            failing(() -> t.fs.open(link, OpenMode.readOnly(), LocalFs.ROOT));
            failing(() -> t.fs.create(root, "link", rw, 0644, LocalFs.ROOT));
            failing(() -> t.fs.create(d, "f", excl, 0644, LocalFs.ROOT));
            failing(() -> t.fs.create(root, "d", rw, 0644, LocalFs.ROOT));
            failing(() -> t.fs.mkdir(root, "d", 0755, LocalFs.ROOT));
            failing(() -> t.fs.link(root, "d2", d));
            failing(() -> t.fs.remove(root));
            try (OpenFile plain = t.fs.open(f, OpenMode.readOnly(), LocalFs.ROOT)) {
                failing(() -> t.fs.readdir(plain, 0, (n, i, c) -> true));
            }
            Created c = t.fs.create(d, "g", rw, 0644, LocalFs.CLIENT);
            try (Node g = c.node(); OpenFile file = c.file()) {
                t.fs.write(file, 0, ByteBuffer.wrap(new byte[] {1, 2, 3}));
                t.fs.read(file, 0, ByteBuffer.allocate(3));
                t.fs.setattr(g, new AttributeChange(0600, 1, 1, 1L, AttributeChange.NOW, null, false), LocalFs.ROOT);
                t.fs.setxattr(g, "user.x", new byte[] {1}, 0);
                t.fs.getxattr(g, "user.x");
                t.fs.listxattr(g);
                failing(() -> t.fs.getxattr(g, "user.none"));
                t.fs.link(d, "h", g);
                t.fs.rename(g, root, "moved");
                t.fs.remove(g);
                failing(() -> t.fs.remove(g));
                t.fs.unlinkat(d, "h", false);
            }
            try (Node sub = t.fs.mkdir(d, "sub", 0755, LocalFs.CLIENT);
                 Node s = t.fs.symlink(sub, "s", "x", LocalFs.CLIENT);
                 Node fifo = t.fs.mknod(sub, "p", 0010644, 0, 0, LocalFs.CLIENT);
                 OpenFile pipe = t.fs.open(fifo, OpenMode.readOnly(), LocalFs.ROOT);
                 OpenFile list = t.fs.open(sub, OpenMode.readOnly(), LocalFs.ROOT)) {
                t.fs.readdir(list, 0, (n, i, c2) -> true);
                t.fs.readlink(s);
                t.fs.statfs(s);
                t.fs.getattr(up);
                t.fs.unlinkat(sub, "s", false);
                t.fs.unlinkat(sub, "p", false);
                Files.move(t.export.resolve("d/sub"), t.outside.resolve("moved/sub"));
                failing(() -> t.fs.remove(sub));
                failing(() -> t.fs.walk(sub, ".."));
                Files.delete(t.outside.resolve("moved/sub"));
            }
        }
    }

    private static void failing(Executable call) {
        try {
            call.execute();
        } catch (FsException expected) {
            return;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }
}
