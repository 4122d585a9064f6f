package io.ninep.fs.memory;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.FileSystem;
import io.ninep.fs.FsException;
import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.fs.OpenMode.Access;
import io.ninep.posix.Errno;
import org.junit.jupiter.api.function.Executable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Shared helpers for the memory file system's tests. */
final class FsTesting {
    static final Identity USER = new Identity(1000, 100);
    static final OpenMode READ = OpenMode.readOnly();
    static final OpenMode WRITE = mode(Access.WRITE, false, false, false);
    static final OpenMode READ_WRITE = mode(Access.READ_WRITE, false, false, false);
    static final OpenMode APPEND = mode(Access.WRITE, true, false, false);
    static final OpenMode TRUNCATE = mode(Access.WRITE, false, true, false);
    static final OpenMode EXCLUSIVE = mode(Access.READ_WRITE, false, false, true);
    static final OpenMode DIRECTORY = new OpenMode(Access.READ, false, false, false, false, false, true, false,
            false);

    private FsTesting() {
    }

    static OpenMode mode(Access access, boolean append, boolean truncate, boolean exclusive) {
        return new OpenMode(access, append, truncate, exclusive, false, false, false, false, false);
    }

    static void assertErrno(Errno expected, Executable action) {
        FsException e = assertThrows(FsException.class, action);
        assertEquals(expected, e.errno(), e.getMessage());
    }

    static int write(FileSystem fs, OpenFile file, long offset, String text) {
        return fs.write(file, offset, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String read(FileSystem fs, OpenFile file, long offset, int count) {
        ByteBuffer dst = ByteBuffer.allocate(count);
        int n = fs.read(file, offset, dst);
        return new String(dst.array(), 0, n, StandardCharsets.UTF_8);
    }

    /** Creates {@code dir/name} holding {@code content}; returns a node on it, the open file closed. */
    static Node file(FileSystem fs, Node dir, String name, String content) {
        FileSystem.Created created = fs.create(dir, name, READ_WRITE, 0644, USER);
        try (OpenFile file = created.file()) {
            if (!content.isEmpty()) {
                write(fs, file, 0, content);
            }
        }
        return created.node();
    }

    static String contentOf(FileSystem fs, Node node) {
        try (OpenFile file = fs.open(node, READ, USER)) {
            return read(fs, file, 0, (int) fs.getattr(node).size());
        }
    }

    static void resize(FileSystem fs, Node node, long size) {
        fs.setattr(node, new AttributeChange(null, null, null, size, null, null, false), USER);
    }

    /** Every name readdir gives, in order, "." and ".." included. */
    static List<String> names(FileSystem fs, Node dir) {
        List<String> names = new ArrayList<>();
        try (OpenFile open = fs.open(dir, READ, USER)) {
            fs.readdir(open, 0, (name, id, next) -> names.add(name));
        }
        return names;
    }
}
