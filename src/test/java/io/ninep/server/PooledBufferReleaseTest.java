package io.ninep.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.export.ExportRegistry;
import io.ninep.export.Fault;
import io.ninep.posix.Errno;
import io.ninep.protocol.codec.RequestEncoder;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rread data is read into pooled direct buffers, and big Twrite frames arrive in them: every one goes back
 * to the pool whether its request is answered, flushed, aborted by Tversion, lost with its connection, or
 * never decoded at all.
 */
@QuarkusTest
class PooledBufferReleaseTest extends NinepServerTestBase {
    private static final int O_RDWR = 2;
    private static final int FILE_SIZE = 1 << 20;
    private static final int READS = 64;
    private static final int WRITES = 16;
    private static final int WRITE_SIZE = 64 * 1024;
    private static final byte TWRITE = 118;

    @Inject
    ConnectionRegistry connections;
    @Inject
    ControlPlane controlPlane;
    @Inject
    ExportRegistry exports;

    private final byte[] content = new byte[FILE_SIZE];
    private long baseline;

    @BeforeEach
    void recordBaseline() {
        new Random(8).nextBytes(content);
        baseline = DirectPool.inUse();
    }

    @AfterEach
    void everyPooledBufferIsBackInThePool() throws Exception {
        delayWrites(Duration.ZERO);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (DirectPool.inUse() != baseline && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(baseline, DirectPool.inUse(), "pooled buffers still in use");
    }

    /** Holds every later Twrite before its commit point, so a flush or an abort always catches it uncommitted. */
    private void delayWrites(Duration delay) throws Exception {
        Map<String, Fault> faults = delay.isZero() ? Map.of() : Map.of("write", new Fault(delay, Optional.empty()));
        controlPlane.update(exports.byName("default").orElseThrow(), p -> p.withFaults(faults))
                .get(10, TimeUnit.SECONDS);
    }

    /** A client with fid 3 open for reading and writing on a file of {@link #FILE_SIZE} random bytes. */
    private NinepClient withFile() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", O_RDWR, 0644, 0);
        for (int off = 0; off < FILE_SIZE; off += MSIZE / 2) {
            c.write(3, off, Arrays.copyOfRange(content, off, off + MSIZE / 2));
        }
        return c;
    }

    private List<CompletableFuture<Rmessage>> pipelineWrites(NinepClient c) {
        List<CompletableFuture<Rmessage>> replies = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            byte[] data = Arrays.copyOfRange(content, i * WRITE_SIZE, (i + 1) * WRITE_SIZE);
            replies.add(c.send(200 + i, new Tmessage.Twrite(3, (long) i * WRITE_SIZE, ByteBuffer.wrap(data))));
        }
        return replies;
    }

    private static List<CompletableFuture<Rmessage>> pipelineReads(NinepClient c, int count) {
        List<CompletableFuture<Rmessage>> replies = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            replies.add(c.send(100 + i, new Tmessage.Tread(3, (long) i * 4096, count)));
        }
        return replies;
    }

    @Test
    void writtenReadRepliesReleaseTheirBuffers() throws Exception {
        NinepClient c = withFile();
        List<CompletableFuture<Rmessage>> replies = pipelineReads(c, 256 * 1024);
        for (int i = 0; i < READS; i++) {
            Rmessage.Rread r = (Rmessage.Rread) replies.get(i).get(20, TimeUnit.SECONDS);
            byte[] got = new byte[r.data().remaining()];
            r.data().get(got);
            int from = i * 4096;
            assertArrayEquals(Arrays.copyOfRange(content, from, Math.min(FILE_SIZE, from + 256 * 1024)), got);
        }
    }

    @Test
    void readsFlushedInFlightReleaseTheirBuffers() throws Exception {
        NinepClient c = withFile();
        List<CompletableFuture<Rmessage>> replies = pipelineReads(c, 512 * 1024);
        List<CompletableFuture<Rmessage>> flushes = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            flushes.add(c.send(1000 + i, new Tmessage.Tflush(100 + i)));
        }
        for (CompletableFuture<Rmessage> f : flushes) {
            assertTrue(f.get(20, TimeUnit.SECONDS) instanceof Rmessage.Rflush);
        }
        replies.forEach(r -> r.cancel(false));
    }

    @Test
    void readsAbortedByTversionReleaseTheirBuffers() throws Exception {
        NinepClient c = withFile();
        List<CompletableFuture<Rmessage>> replies = pipelineReads(c, MSIZE - P9.IOHDRSZ);
        c.version(MSIZE, P9.VERSION_9P2000_L);
        replies.forEach(r -> r.cancel(false));
    }

    @Test
    void readsOnAConnectionClosedMidWriteReleaseTheirBuffers() throws Exception {
        NinepClient c = withFile();
        pipelineReads(c, MSIZE - P9.IOHDRSZ);
        closeAndWait(c);
    }

    @Test
    void answeredWritesReleaseTheirFramesAndWroteWhatWasSent() throws Exception {
        NinepClient c = withFile();
        c.setattr(3, 8, 0, 0, 0, 0, 0, 0, 0, 0);
        for (CompletableFuture<Rmessage> r : pipelineWrites(c)) {
            assertEquals(WRITE_SIZE, ((Rmessage.Rwrite) r.get(20, TimeUnit.SECONDS)).count());
        }
        assertArrayEquals(Arrays.copyOf(content, WRITES * WRITE_SIZE), c.readAll(3));
    }

    @Test
    void writesFlushedBeforeTheirCommitReleaseTheirFramesAndWriteNothing() throws Exception {
        NinepClient c = withFile();
        c.setattr(3, 8, 0, 0, 0, 0, 0, 0, 0, 0);
        delayWrites(Duration.ofSeconds(2));
        List<CompletableFuture<Rmessage>> writes = pipelineWrites(c);
        for (int i = 0; i < WRITES; i++) {
            assertTrue(c.flushAsync(200 + i).get(20, TimeUnit.SECONDS) instanceof Rmessage.Rflush);
        }
        writes.forEach(r -> r.cancel(false));
        delayWrites(Duration.ZERO);
        assertEquals(0, c.readAll(3).length, "a flushed write took effect");
    }

    @Test
    void writesAbortedByTversionReleaseTheirFrames() throws Exception {
        NinepClient c = withFile();
        delayWrites(Duration.ofSeconds(2));
        List<CompletableFuture<Rmessage>> writes = pipelineWrites(c);
        c.version(MSIZE, P9.VERSION_9P2000_L);
        writes.forEach(r -> r.cancel(false));
    }

    @Test
    void writesOnAClosedConnectionReleaseTheirFrames() throws Exception {
        NinepClient c = withFile();
        delayWrites(Duration.ofSeconds(2));
        pipelineWrites(c);
        closeAndWait(c);
    }

    @Test
    void aFrameCutOffByItsConnectionClosingIsReleased() throws Exception {
        NinepClient c = withFile();
        byte[] frame = bytes(RequestEncoder.encode(7, new Tmessage.Twrite(3, 0, ByteBuffer.wrap(content, 0, MSIZE / 2))));
        c.sendRaw(Arrays.copyOf(frame, frame.length / 2));
        closeAndWait(c);
    }

    @Test
    void aMalformedBigTwriteIsAnsweredAndReleased() throws Exception {
        NinepClient c = withFile();
        byte[] frame = bytes(RequestEncoder.encode(7, new Tmessage.Twrite(3, 0, ByteBuffer.wrap(content, 0, 65536))));
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(19, 65535);
        Rmessage reply = c.sendRaw(7, frame).get(20, TimeUnit.SECONDS);
        assertEquals(Errno.EPROTO.number(), ((Rmessage.Rlerror) reply).ecode());
    }

    private static byte[] bytes(ByteBuffer frame) {
        byte[] bytes = new byte[frame.remaining()];
        frame.duplicate().get(bytes);
        return bytes;
    }

    private void closeAndWait(NinepClient c) throws InterruptedException {
        int before = connections.size();
        c.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (connections.size() >= before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(connections.size() < before, "the server never saw the connection close");
    }
}
