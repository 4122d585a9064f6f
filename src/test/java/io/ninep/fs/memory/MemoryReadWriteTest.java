package io.ninep.fs.memory;

import io.ninep.fs.FileSystem;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode.Access;
import io.ninep.posix.Errno;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.ninep.fs.memory.FsTesting.APPEND;
import static io.ninep.fs.memory.FsTesting.DIRECTORY;
import static io.ninep.fs.memory.FsTesting.READ;
import static io.ninep.fs.memory.FsTesting.READ_WRITE;
import static io.ninep.fs.memory.FsTesting.TRUNCATE;
import static io.ninep.fs.memory.FsTesting.USER;
import static io.ninep.fs.memory.FsTesting.WRITE;
import static io.ninep.fs.memory.FsTesting.assertErrno;
import static io.ninep.fs.memory.FsTesting.contentOf;
import static io.ninep.fs.memory.FsTesting.file;
import static io.ninep.fs.memory.FsTesting.mode;
import static io.ninep.fs.memory.FsTesting.read;
import static io.ninep.fs.memory.FsTesting.resize;
import static io.ninep.fs.memory.FsTesting.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryReadWriteTest {
    private MemoryFileSystem fs;
    private Node root;

    @BeforeEach
    void setUp() {
        fs = new MemoryFileSystem("io", 1 << 24);
        root = fs.root();
    }

    @Test
    void writtenBytesReadBack() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        assertEquals(5, write(fs, c.file(), 0, "hello"));
        assertEquals(6, write(fs, c.file(), 5, " world"));
        assertEquals("hello world", read(fs, c.file(), 0, 100));
        assertEquals("world", read(fs, c.file(), 6, 100));
        assertEquals(11, fs.getattr(c.node()).size());
    }

    @Test
    void readAtOrPastTheEndGivesZero() {
        Node f = file(fs, root, "f", "abc");
        try (OpenFile open = fs.open(f, READ, USER)) {
            assertEquals(0, fs.read(open, 3, ByteBuffer.allocate(10)));
            assertEquals(0, fs.read(open, 1L << 50, ByteBuffer.allocate(10)));
        }
    }

    @Test
    void holesReadAsZeros() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        write(fs, c.file(), 200_000, "end");
        ByteBuffer all = ByteBuffer.allocate(200_003);
        assertEquals(200_003, fs.read(c.file(), 0, all));
        for (int i = 0; i < 200_000; i++) {
            assertEquals(0, all.get(i));
        }
        assertEquals('e', all.get(200_000));
    }

    @Test
    void writesCrossingPageBoundariesReadBackWhole() {
        byte[] data = new byte[3 * FileData.PAGE_SIZE + 123];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        assertEquals(data.length, fs.write(c.file(), 1000, ByteBuffer.wrap(data)));
        ByteBuffer back = ByteBuffer.allocate(data.length);
        fs.read(c.file(), 1000, back);
        assertArrayEquals(data, back.array());
    }

    @Test
    void appendWritesAtTheEndWhateverTheOffset() {
        Node f = file(fs, root, "f", "start");
        try (OpenFile open = fs.open(f, APPEND, USER)) {
            write(fs, open, 0, "+1");
            write(fs, open, -7, "+2");
        }
        assertEquals("start+1+2", contentOf(fs, f));
    }

    @Test
    void truncateOnOpenEmptiesTheFile() {
        Node f = file(fs, root, "f", "old content");
        try (OpenFile open = fs.open(f, TRUNCATE, USER)) {
            assertEquals(0, fs.getattr(f).size());
            write(fs, open, 0, "new");
        }
        assertEquals("new", contentOf(fs, f));
    }

    @Test
    void createWithTruncateEmptiesAnExistingFile() {
        file(fs, root, "f", "old");
        FileSystem.Created c = fs.create(root, "f", TRUNCATE, 0644, USER);
        assertEquals(0, fs.getattr(c.node()).size());
    }

    @Test
    void writeToAFileOpenForReadingIsEbadf() {
        Node f = file(fs, root, "f", "abc");
        try (OpenFile open = fs.open(f, READ, USER)) {
            assertErrno(Errno.EBADF, () -> write(fs, open, 0, "x"));
        }
    }

    @Test
    void readFromAFileOpenForWritingIsEbadf() {
        Node f = file(fs, root, "f", "abc");
        try (OpenFile open = fs.open(f, WRITE, USER)) {
            assertErrno(Errno.EBADF, () -> read(fs, open, 0, 1));
        }
    }

    @Test
    void readingOrWritingADirectoryIsEisdir() {
        try (OpenFile open = fs.open(root, READ, USER)) {
            assertErrno(Errno.EISDIR, () -> read(fs, open, 0, 1));
            assertErrno(Errno.EISDIR, () -> write(fs, open, 0, "x"));
        }
    }

    @Test
    void openingADirectoryForWritingIsEisdir() {
        assertErrno(Errno.EISDIR, () -> fs.open(root, WRITE, USER));
        assertErrno(Errno.EISDIR, () -> fs.open(root, READ_WRITE, USER));
        assertErrno(Errno.EISDIR, () -> fs.open(root, mode(Access.READ, false, true, false), USER));
    }

    @Test
    void openWithDirectoryFlagOnAFileIsEnotdir() {
        Node f = file(fs, root, "f", "");
        assertErrno(Errno.ENOTDIR, () -> fs.open(f, DIRECTORY, USER));
        fs.open(root, DIRECTORY, USER).close();
    }

    @Test
    void createWithDirectoryFlagIsEinval() {
        assertErrno(Errno.EINVAL, () -> fs.create(root, "f", DIRECTORY, 0644, USER));
    }

    @Test
    void openingSymlinkDeviceFifoOrSocketIsRefused() {
        Node link = fs.symlink(root, "l", "target", USER);
        Node dev = fs.mknod(root, "null", 0020666, 1, 3, USER);
        Node fifo = fs.mknod(root, "fifo", 0010644, 0, 0, USER);
        Node socket = fs.mknod(root, "socket", 0140644, 0, 0, USER);
        assertErrno(Errno.ELOOP, () -> fs.open(link, READ, USER));
        assertErrno(Errno.ENXIO, () -> fs.open(dev, READ, USER));
        assertErrno(Errno.EOPNOTSUPP, () -> fs.open(fifo, READ, USER));
        assertErrno(Errno.EOPNOTSUPP, () -> fs.open(socket, READ, USER));
    }

    @Test
    void negativeOffsetIsEinval() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        assertErrno(Errno.EINVAL, () -> read(fs, c.file(), -1, 1));
        assertErrno(Errno.EINVAL, () -> write(fs, c.file(), -1, "x"));
    }

    @Test
    void writingPastTheLargestFileIsEfbigAndACrossingWriteIsShort() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        assertErrno(Errno.EFBIG, () -> write(fs, c.file(), RegularInode.MAX_FILE_SIZE, "x"));
        assertEquals(2, write(fs, c.file(), RegularInode.MAX_FILE_SIZE - 2, "abcd"));
        assertEquals(RegularInode.MAX_FILE_SIZE, fs.getattr(c.node()).size());
    }

    @Test
    void writeBeyondCapacityIsShortThenEnospc() {
        MemoryFileSystem small = new MemoryFileSystem("small", 3 * FileData.PAGE_SIZE);
        FileSystem.Created c = small.create(small.root(), "f", READ_WRITE, 0644, USER);
        ByteBuffer big = ByteBuffer.allocate(4 * FileData.PAGE_SIZE);
        assertEquals(3 * FileData.PAGE_SIZE, small.write(c.file(), 0, big));
        assertEquals(FileData.PAGE_SIZE, big.remaining());
        assertErrno(Errno.ENOSPC, () -> small.write(c.file(), 3L * FileData.PAGE_SIZE, big));
        assertEquals(0, small.statfs(c.node()).blocksFree());
        resize(small, c.node(), 0);
        assertEquals(0, small.usedBytes());
        assertEquals(FileData.PAGE_SIZE, small.write(c.file(), 0, big));
    }

    @Test
    void sparseTruncateToOneTebibyteCostsNoMemory() {
        Node f = file(fs, root, "f", "");
        long before = fs.usedBytes();
        resize(fs, f, 1L << 40);
        assertEquals(1L << 40, fs.getattr(f).size());
        assertEquals(0, fs.getattr(f).blocks());
        assertEquals(before, fs.usedBytes());
        try (OpenFile open = fs.open(f, READ, USER)) {
            ByteBuffer tail = ByteBuffer.allocate(8);
            assertEquals(4, fs.read(open, (1L << 40) - 4, tail));
            assertEquals(0, tail.getInt(0));
        }
    }

    @Test
    void shrinkingThenGrowingExposesZerosNotOldBytes() {
        Node f = file(fs, root, "f", "abcdefgh");
        resize(fs, f, 3L);
        resize(fs, f, 8L);
        assertEquals("abc\0\0\0\0\0", contentOf(fs, f));
    }

    @Test
    void blocksCountAllocatedPages() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        write(fs, c.file(), 0, "x");
        assertEquals(FileData.GRAIN / 512, fs.getattr(c.node()).blocks());
        write(fs, c.file(), 10L * FileData.PAGE_SIZE, "y");
        assertEquals(2 * FileData.GRAIN / 512, fs.getattr(c.node()).blocks());
        assertEquals(4096, fs.getattr(c.node()).blksize());
    }

    @Test
    void closedOpenFileIsEbadf() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        c.file().close();
        assertErrno(Errno.EBADF, () -> write(fs, c.file(), 0, "x"));
        assertErrno(Errno.EBADF, () -> fs.fsync(c.file(), false));
    }

    @Test
    void fsyncOfAnOpenFileSucceeds() {
        FileSystem.Created c = fs.create(root, "f", READ_WRITE, 0644, USER);
        fs.fsync(c.file(), true);
        fs.fsync(c.file(), false);
        assertTrue(c.file().mode().writable());
    }
}
