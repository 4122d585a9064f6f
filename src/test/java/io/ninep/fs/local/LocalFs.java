package io.ninep.fs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;

import io.ninep.fs.FileSystem;
import io.ninep.fs.FsException;
import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.posix.Errno;

/**
 * Test fixture: an export directory and a sibling "outside" directory in a temp dir, a LocalFileSystem on the
 * export, and the nodes and files a test opened, all closed at the end so fd counts stay flat.
 */
final class LocalFs implements AutoCloseable {
    static final Identity ROOT = new Identity(0, 0);
    static final Identity CLIENT = new Identity(1234, 5678);

    final Path export;
    final Path outside;
    final LocalFileSystem fs;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private LocalFs(Path base, Tuning tuning) {
        this.export = base.resolve("export");
        this.outside = base.resolve("outside");
        try {
            Files.createDirectories(outside);
            Files.writeString(outside.resolve("secret"), "outside");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.fs = LocalFileSystem.open(export, "test", tuning);
    }

    static LocalFs in(Path base) {
        return new LocalFs(base, Tuning.DEFAULT);
    }

    static LocalFs in(Path base, Tuning tuning) {
        return new LocalFs(base, tuning);
    }

    <T extends AutoCloseable> T keep(T resource) {
        opened.add(resource);
        return resource;
    }

    Node root() {
        return keep(fs.root());
    }

    /** Walks the names one by one from the root. */
    Node walk(String... names) {
        Node at = root();
        for (String name : names) {
            at = keep(fs.walk(at, name));
        }
        return at;
    }

    OpenFile open(Node node, OpenMode mode) {
        return keep(fs.open(node, mode, ROOT));
    }

    Path write(String relative, String content) {
        try {
            Path p = export.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String readAll(OpenFile file) {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long offset = 0;
        int n;
        while ((n = fs.read(file, offset, buf)) > 0) {
            offset += n;
        }
        buf.flip();
        return StandardCharsets.UTF_8.decode(buf).toString();
    }

    int write(OpenFile file, long offset, String text) {
        return fs.write(file, offset, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    static OpenMode mode(OpenMode.Access access) {
        return new OpenMode(access, false, false, false, false, false, false, false, false);
    }

    static void assertErrno(Errno expected, Executable call) {
        FsException e = assertThrows(FsException.class, call);
        assertEquals(expected, e.errno(), e.getMessage());
    }

    /**
     * Closes what the test opened, then removes the symlinks it planted, which JUnit's temp-dir cleanup would
     * otherwise warn about when they point outside it.
     */
    @Override
    public void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        fs.close();
        try (Stream<Path> all = Files.walk(export.getParent())) {
            for (Path p : all.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }
}
