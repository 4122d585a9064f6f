package io.ninep.fs.local;

import static io.ninep.fs.local.LocalFs.assertErrno;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.FileType;
import io.ninep.fs.Node;
import io.ninep.fs.OpenFile;
import io.ninep.fs.OpenMode;
import io.ninep.fs.OpenMode.Access;
import io.ninep.posix.Errno;

@ExtendWith(FdLeakCheck.class)
class IoTest {
    @TempDir
    Path tmp;
    LocalFs t;

    @BeforeEach
    void setUp() {
        t = LocalFs.in(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        t.close();
    }

    private static OpenMode append() {
        return new OpenMode(Access.WRITE, true, false, false, false, false, false, false, false);
    }

    private static OpenMode truncating() {
        return new OpenMode(Access.WRITE, false, true, false, false, false, false, false, false);
    }

    @Test
    void readFillsHeapBufferBetweenPositionAndLimit() {
        t.write("f", "0123456789");
        OpenFile f = t.open(t.walk("f"), OpenMode.readOnly());
        ByteBuffer buf = ByteBuffer.wrap("..........".getBytes(UTF_8));
        buf.position(3).limit(7);
        assertEquals(4, t.fs.read(f, 2, buf));
        assertEquals(7, buf.position());
        assertEquals("...2345...", new String(buf.array(), UTF_8));
    }

    @Test
    void readHonoursArrayOffsetOfASlice() {
        t.write("f", "0123456789");
        OpenFile f = t.open(t.walk("f"), OpenMode.readOnly());
        byte[] backing = "xxxxxxxxxx".getBytes(UTF_8);
        ByteBuffer slice = ByteBuffer.wrap(backing, 4, 6).slice();
        slice.position(1);
        assertEquals(5, t.fs.read(f, 0, slice));
        assertEquals("xxxxx01234", new String(backing, UTF_8));
    }

    @Test
    void readFillsDirectBufferBetweenPositionAndLimit() {
        t.write("f", "0123456789");
        OpenFile f = t.open(t.walk("f"), OpenMode.readOnly());
        ByteBuffer buf = ByteBuffer.allocateDirect(10);
        buf.put(0, (byte) '.');
        buf.position(1).limit(4);
        assertEquals(3, t.fs.read(f, 5, buf));
        assertEquals(4, buf.position());
        byte[] got = new byte[4];
        buf.get(0, got);
        assertEquals(".567", new String(got, UTF_8));
    }

    @Test
    void shortReadAtEndAndZeroAfterIt() {
        t.write("f", "abc");
        OpenFile f = t.open(t.walk("f"), OpenMode.readOnly());
        assertEquals(2, t.fs.read(f, 1, ByteBuffer.allocate(100)));
        assertEquals(0, t.fs.read(f, 3, ByteBuffer.allocate(100)));
        assertEquals(0, t.fs.read(f, 1000, ByteBuffer.allocate(100)));
    }

    @Test
    void writeFromDirectHeapAndReadOnlyBuffersAdvancesThem() throws Exception {
        Path p = t.write("f", "");
        OpenFile f = t.open(t.walk("f"), LocalFs.mode(Access.WRITE));
        ByteBuffer heap = ByteBuffer.wrap("--abc--".getBytes(UTF_8)).position(2).limit(5);
        assertEquals(3, t.fs.write(f, 0, heap));
        assertEquals(5, heap.position());
        ByteBuffer direct = ByteBuffer.allocateDirect(3).put("def".getBytes(UTF_8)).flip();
        assertEquals(3, t.fs.write(f, 3, direct));
        assertEquals(3, direct.position());
        ByteBuffer readOnly = ByteBuffer.wrap("ghi".getBytes(UTF_8)).asReadOnlyBuffer();
        assertEquals(3, t.fs.write(f, 6, readOnly));
        assertEquals(3, readOnly.position());
        assertEquals("abcdefghi", Files.readString(p));
    }

    @Test
    void writeAtOffsetLeavesAHole() throws Exception {
        Path p = t.write("f", "");
        OpenFile f = t.open(t.walk("f"), LocalFs.mode(Access.READ_WRITE));
        t.write(f, 4, "x");
        assertArrayEquals(new byte[] {0, 0, 0, 0, 'x'}, Files.readAllBytes(p));
    }

    @Test
    void appendModeWritesAtTheEndWhateverTheOffset() throws Exception {
        Path p = t.write("f", "start");
        OpenFile f = t.open(t.walk("f"), append());
        t.write(f, 0, "-one");
        t.write(f, 2, "-two");
        assertEquals("start-one-two", Files.readString(p));
    }

    @Test
    void truncateOnOpenEmptiesTheFile() throws Exception {
        Path p = t.write("f", "content");
        t.open(t.walk("f"), truncating());
        assertEquals(0, Files.size(p));
    }

    @Test
    void readOnWriteOnlyFileGivesEbadfAndWriteOnReadOnlyToo() {
        t.write("f", "x");
        OpenFile w = t.open(t.walk("f"), LocalFs.mode(Access.WRITE));
        OpenFile r = t.open(t.walk("f"), OpenMode.readOnly());
        assertErrno(Errno.EBADF, () -> t.fs.read(w, 0, ByteBuffer.allocate(1)));
        assertErrno(Errno.EBADF, () -> t.write(r, 0, "y"));
    }

    @Test
    void negativeOffsetGivesEinval() {
        t.write("f", "x");
        OpenFile f = t.open(t.walk("f"), LocalFs.mode(Access.READ_WRITE));
        assertErrno(Errno.EINVAL, () -> t.fs.read(f, -1, ByteBuffer.allocate(1)));
        assertErrno(Errno.EINVAL, () -> t.write(f, Long.MIN_VALUE, "y"));
    }

    @Test
    void openDirectoryForWritingGivesEisdir() {
        t.write("d/f", "x");
        Node d = t.walk("d");
        assertErrno(Errno.EISDIR, () -> t.fs.open(d, LocalFs.mode(Access.WRITE), LocalFs.ROOT));
    }

    @Test
    void openWithDirectoryFlagOnFileGivesEnotdir() {
        t.write("f", "x");
        OpenMode dir = new OpenMode(Access.READ, false, false, false, false, false, true, false, false);
        Node f = t.walk("f");
        assertErrno(Errno.ENOTDIR, () -> t.fs.open(f, dir, LocalFs.ROOT));
    }

    @Test
    void openWithNoatimeSyncAndDirectWorks() {
        t.write("f", "abc");
        OpenMode all = new OpenMode(Access.READ_WRITE, false, false, false, true, true, false, true, true);
        OpenFile f = t.open(t.walk("f"), all);
        assertEquals("abc", t.readAll(f));
        assertEquals(all, f.mode());
    }

    @Test
    void deviceNodesAndSocketsAreNotOpened() {
        Node root = t.root();
        Node dev = t.keep(t.fs.mknod(root, "null", 0020666, 1, 3, LocalFs.ROOT));
        Node sock = t.keep(t.fs.mknod(root, "sock", 0140666, 0, 0, LocalFs.ROOT));
        assertErrno(Errno.EOPNOTSUPP, () -> t.fs.open(dev, OpenMode.readOnly(), LocalFs.ROOT));
        assertErrno(Errno.EOPNOTSUPP, () -> t.fs.open(sock, OpenMode.readOnly(), LocalFs.ROOT));
    }

    @Test
    void fifoOpensWithoutBlocking() {
        Node fifo = t.keep(t.fs.mknod(t.root(), "fifo", 0010644, 0, 0, LocalFs.ROOT));
        assertEquals(FileType.FIFO, fifo.id().type());
        assertErrno(Errno.ENXIO, () -> t.fs.open(fifo, LocalFs.mode(Access.WRITE), LocalFs.ROOT));
        OpenFile reader = t.open(fifo, OpenMode.readOnly());
        assertEquals(0, t.fs.read(reader, 0, ByteBuffer.allocate(10)), "no writer: end of file");
        OpenFile writer = t.open(fifo, LocalFs.mode(Access.WRITE));
        assertErrno(Errno.EAGAIN, () -> t.fs.read(reader, 0, ByteBuffer.allocate(10)));
        t.write(writer, 7, "piped");
        ByteBuffer got = ByteBuffer.allocate(10);
        assertEquals(5, t.fs.read(reader, 0, got));
        assertEquals("piped", new String(got.array(), 0, 5, UTF_8));
    }

    @Test
    void concurrentReadsAndWritesOnOneFile() throws Exception {
        t.write("f", "");
        OpenFile f = t.open(t.walk("f"), LocalFs.mode(Access.READ_WRITE));
        int threads = 8;
        int block = 4096;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                byte fill = (byte) ('a' + i);
                long offset = (long) i * block;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        ByteBuffer src = ByteBuffer.allocateDirect(block);
                        while (src.hasRemaining()) {
                            src.put(fill);
                        }
                        src.flip();
                        assertEquals(block, t.fs.write(f, offset, src));
                        ByteBuffer dst = ByteBuffer.allocate(block);
                        assertEquals(block, t.fs.read(f, offset, dst));
                        for (byte b : dst.array()) {
                            assertEquals(fill, b);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals((long) threads * block, t.fs.getattr(t.walk("f")).size());
    }

    @Test
    void fsyncAndFdatasyncSucceed() {
        t.write("f", "x");
        OpenFile f = t.open(t.walk("f"), LocalFs.mode(Access.WRITE));
        t.write(f, 0, "y");
        t.fs.fsync(f, false);
        t.fs.fsync(f, true);
    }

    @Test
    void closedFileGivesEbadfAndCloseIsIdempotent() {
        t.write("f", "x");
        OpenFile f = t.fs.open(t.walk("f"), OpenMode.readOnly(), LocalFs.ROOT);
        f.close();
        f.close();
        assertErrno(Errno.EBADF, () -> t.fs.read(f, 0, ByteBuffer.allocate(1)));
    }
}
