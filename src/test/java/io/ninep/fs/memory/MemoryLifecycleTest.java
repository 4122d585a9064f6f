package io.ninep.fs.memory;

import io.ninep.fs.AttributeChange;
import io.ninep.fs.FileSystem;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.ninep.fs.memory.FsTesting.READ;
import static io.ninep.fs.memory.FsTesting.READ_WRITE;
import static io.ninep.fs.memory.FsTesting.USER;
import static io.ninep.fs.memory.FsTesting.file;
import static io.ninep.fs.memory.FsTesting.read;
import static io.ninep.fs.memory.FsTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open-unlink-fstat and the freeing of memory with the last link and the last handle. */
class MemoryLifecycleTest {
    private MemoryFileSystem fs;
    private Node root;

    @BeforeEach
    void setUp() {
        fs = new MemoryFileSystem("life", 1 << 24);
        root = fs.root();
    }

    @Test
    void unlinkedOpenFileKeepsWorking() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        write(fs, c.file(), 0, "before");
        fs.unlinkat(root, "f", false);
        assertEquals(0, fs.getattr(c.node()).nlink());
        write(fs, c.file(), 6, " after");
        assertEquals("before after", read(fs, c.file(), 0, 100));
        fs.setattr(c.node(), new AttributeChange(0600, null, null, 6L, null, null, false), USER);
        assertEquals(6, fs.getattr(c.node()).size());
        assertEquals(0100600, fs.getattr(c.node()).mode());
        fs.setxattr(c.node(), "user.still", new byte[]{1}, 0);
    }

    @Test
    void unlinkedFileMemoryIsFreedAfterTheLastClose() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        fs.write(c.file(), 0, ByteBuffer.allocate(300_000));
        fs.setxattr(c.node(), "user.k", new byte[100], 0);
        Node second = fs.duplicate(c.node());
        OpenFile reader = fs.open(second, READ, USER);
        long inodes = fs.usedInodes();
        assertTrue(fs.usedBytes() >= 300_000);
        fs.unlinkat(root, "f", false);
        c.file().close();
        c.node().close();
        second.close();
        assertTrue(fs.usedBytes() >= 300_000);
        assertEquals(inodes, fs.usedInodes());
        reader.close();
        assertEquals(0, fs.usedBytes());
        assertEquals(inodes - 1, fs.usedInodes());
    }

    @Test
    void closingEveryHandleOfALinkedFileKeepsIt() {
        Node f = file(fs, root, "f", "kept");
        f.close();
        assertEquals("kept", FsTesting.contentOf(fs, fs.walk(root, "f")));
    }

    @Test
    void unlinkWithoutOpenHandlesFreesAtOnce() {
        file(fs, root, "f", "x".repeat(10_000)).close();
        assertTrue(fs.usedBytes() > 0);
        fs.unlinkat(root, "f", false);
        assertEquals(0, fs.usedBytes());
        assertEquals(1, fs.usedInodes());
    }

    @Test
    void replacedFileIsFreedWhenRenamedOver() {
        file(fs, root, "a", "x").close();
        file(fs, root, "b", "y".repeat(10_000)).close();
        long withBoth = fs.usedBytes();
        fs.renameat(root, "a", root, "b");
        assertTrue(fs.usedBytes() < withBoth);
        assertEquals(2, fs.usedInodes());
    }

    @Test
    void removedDirectoryIsFreedWithItsLastHandle() {
        Node d = fs.mkdir(root, "d", 0755, USER);
        fs.unlinkat(root, "d", true);
        assertEquals(2, fs.usedInodes());
        d.close();
        assertEquals(1, fs.usedInodes());
    }

    @Test
    void symlinkTargetIsChargedAndFreed() {
        fs.symlink(root, "l", "t".repeat(1000), USER).close();
        assertEquals(1000, fs.usedBytes());
        fs.unlinkat(root, "l", false);
        assertEquals(0, fs.usedBytes());
    }
}
