package io.ninep.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rread data is read into pooled direct buffers: every one goes back to the pool whether its reply is
 * written, flushed, aborted by Tversion or lost with its connection.
 */
@QuarkusTest
class ReadBufferReleaseTest extends NinepServerTestBase {
    private static final int O_RDWR = 2;
    private static final int FILE_SIZE = 1 << 20;
    private static final int READS = 64;

    @Inject
    ConnectionRegistry connections;

    private final byte[] content = new byte[FILE_SIZE];
    private long baseline;

    @BeforeEach
    void recordBaseline() {
        new Random(8).nextBytes(content);
        baseline = ReplyPool.inUse();
    }

    @AfterEach
    void everyReadBufferIsBackInThePool() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ReplyPool.inUse() != baseline && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(baseline, ReplyPool.inUse(), "pooled read buffers still in use");
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
        int before = connections.size();
        pipelineReads(c, MSIZE - P9.IOHDRSZ);
        c.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (connections.size() >= before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(connections.size() < before, "the server never saw the connection close");
    }
}
