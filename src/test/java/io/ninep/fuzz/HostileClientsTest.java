package io.ninep.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.protocol.codec.RequestEncoder;
import io.ninep.server.ConnectionRegistry;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Clients that try to exhaust the server (LESSONS.md §5: a flood of unread replies must not take every
 * client down): one that never reads, one that dribbles bytes, a thousand at once, ten thousand requests
 * in flight on one connection. Each test also checks that an ordinary client is served meanwhile, and
 * logs the peak heap of the JVM that runs server and clients together.
 */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class HostileClientsTest extends NinepServerTestBase {
    private static final Logger LOG = Logger.getLogger(HostileClientsTest.class);
    private static final int IOUNIT = MSIZE - P9.IOHDRSZ;

    @Inject
    ConnectionRegistry connections;

    /** Mounts and stats the root on a new connection, failing if that takes more than {@code limit}. */
    private void assertServedWithin(Duration limit) throws IOException {
        long start = System.nanoTime();
        try (NinepClient c = NinepClient.connect("127.0.0.1", server.port()).timeout(limit)) {
            c.version(8192, P9.VERSION_9P2000_L);
            c.attach(ROOT, P9.NOFID, "root", "", 0);
            assertTrue(c.getattr(ROOT, P9.GETATTR_BASIC).qid().isDirectory());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis <= limit.toMillis(), "an ordinary client waited " + millis + " ms");
    }

    /** A file of one full Rread under the default msize, in a fresh directory; returns its path. */
    private List<String> bigFile() throws IOException {
        NinepClient c = attached();
        String dir = freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "big", 2, 0644, 0);
        c.write(3, 0, new byte[IOUNIT]);
        c.clunk(3);
        return List.of(dir, "big");
    }

    /** Reads a whole Rread's worth of {@code path} on a new connection, failing after {@code limit}. */
    private void assertReadServedWithin(List<String> path, Duration limit) throws IOException {
        try (NinepClient c = NinepClient.connect("127.0.0.1", server.port()).timeout(limit)) {
            c.version(MSIZE, P9.VERSION_9P2000_L);
            c.attach(1, P9.NOFID, "root", "", 0);
            c.walk(1, 2, path.toArray(String[]::new));
            c.lopen(2, 0);
            assertEquals(IOUNIT, c.read(2, 0, IOUNIT).length);
        }
    }

    @Test
    void clientThatNeverReadsRepliesDoesNotMakeTheServerBufferWithoutBound() throws Exception {
        List<String> path = bigFile();
        long pausesBefore = server.stats().backpressurePauses.get() + server.stats().budgetWaits.get();
        long bytesOutBefore = server.stats().bytesOut.get();
        try (HeapSampler heap = HeapSampler.start();
             NeverReadingClient flood = new NeverReadingClient(server.port(), path, 5000, IOUNIT)) {
            Thread.sleep(5000);
            assertServedWithin(Duration.ofSeconds(5));
            long buffered = server.stats().bytesOut.get() - bytesOutBefore;
            LOG.infof("never-reading client: %d Tread sent, %d MiB of replies written by the server, peak heap"
                            + " %d MiB (baseline %d MiB), budget %d MiB", flood.sent(), buffered >> 20, heap.peakMiB(),
                    heap.baselineMiB(), LimitsProfile.MEMORY_BUDGET >> 20);
            assertTrue(buffered <= LimitsProfile.MEMORY_BUDGET + (16 << 20),
                    "the server produced " + (buffered >> 20) + " MiB of replies nobody read");
            assertTrue(server.stats().backpressurePauses.get() + server.stats().budgetWaits.get() > pausesBefore,
                    "the server never paused the connection");
        }
        assertServedWithin(Duration.ofSeconds(5));
    }

    /**
     * Four peers pipelining 1 MiB reads they never take hold at most their connection's share of the 32 MiB
     * budget (4 MiB each, stopped once their write queue is full), so a newcomer's read still gets room,
     * long before the write-stall timeout would close them.
     */
    @Test
    void clientsThatNeverReadCannotStarveAnotherClientsRead() throws Exception {
        List<String> path = bigFile();
        long stallsBefore = server.stats().writeStalls.get();
        List<NeverReadingClient> floods = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                floods.add(new NeverReadingClient(server.port(), path, 2000, IOUNIT));
            }
            Thread.sleep(3000);
            LOG.infof("4 never-reading clients: budget waits %d, backpressure pauses %d, %d MiB written, %d MiB"
                            + " of the budget held", server.stats().budgetWaits.get(),
                    server.stats().backpressurePauses.get(), server.stats().bytesOut.get() >> 20,
                    server.memoryBudgetUsed() >> 20);
            assertReadServedWithin(path, Duration.ofSeconds(5));
            assertEquals(stallsBefore, server.stats().writeStalls.get(),
                    "served only because the write-stall timeout closed the flooders");
        } finally {
            for (NeverReadingClient f : floods) {
                f.close();
            }
        }
        assertReadServedWithin(path, Duration.ofSeconds(5));
    }

    /**
     * Ten never-reading peers, near enough to fill the 32 MiB budget between them: each is closed once its
     * replies have made no progress for the write-stall timeout, which gives its share of the budget back.
     */
    @Test
    void peersThatStopTakingRepliesAreClosedAfterTheWriteStallTimeout() throws Exception {
        List<String> path = bigFile();
        int flooders = 10;
        long stallsBefore = server.stats().writeStalls.get();
        List<NeverReadingClient> floods = new ArrayList<>();
        try {
            for (int i = 0; i < flooders; i++) {
                floods.add(new NeverReadingClient(server.port(), path, 500, IOUNIT));
            }
            long start = System.nanoTime();
            // Those left waiting for budget stall only once the first ones are closed: a second round.
            long deadline = start + LimitsProfile.WRITE_STALL_TIMEOUT.multipliedBy(3).toNanos();
            while (server.stats().writeStalls.get() - stallsBefore < flooders && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("%d never-reading clients closed for write stalls within %d ms",
                    server.stats().writeStalls.get() - stallsBefore, millis);
            assertEquals(flooders, server.stats().writeStalls.get() - stallsBefore, "flooders closed for stalls");
            assertTrue(millis >= LimitsProfile.WRITE_STALL_TIMEOUT.toMillis() - 1000,
                    "closed after " + millis + " ms, before the stall timeout");
            assertReadServedWithin(path, Duration.ofSeconds(5));
        } finally {
            for (NeverReadingClient f : floods) {
                f.close();
            }
        }
    }

    @Test
    void slowlorisThatNeverCompletesTversionIsClosedAtTheDeadlineWithoutDisturbingOthers() throws Exception {
        byte[] version = FrameBytes.of(WireTypes.TVERSION, P9.NOTAG).u32(MSIZE).str(P9.VERSION_9P2000_L).build();
        try (RawPeer slow = RawPeer.connect(server.port())) {
            long start = System.nanoTime();
            Thread dribble = new Thread(() -> {
                try {
                    for (byte b : version) {
                        slow.send(new byte[] {b});
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException closed) {
                    // The server hung up, as it should.
                }
            }, "slowloris");
            dribble.setDaemon(true);
            dribble.start();
            assertServedWithin(Duration.ofSeconds(2));
            assertTrue(slow.closedByServerWithin(Duration.ofSeconds(10)), "the slowloris is still connected");
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.infof("slowloris closed after %d ms", millis);
            assertTrue(millis >= 2500, "closed after " + millis + " ms, before the 3 s Tversion deadline");
            dribble.join(2000);
        }
        assertServedWithin(Duration.ofSeconds(2));
    }

    @Test
    void slowRequestAfterTversionIsAnsweredOnceCompleteAndDelaysNoOne() throws Exception {
        try (RawPeer slow = RawPeer.connect(server.port())) {
            assertInstanceOf(Rmessage.Rversion.class, slow.call(P9.NOTAG, new Tmessage.Tversion(MSIZE,
                    P9.VERSION_9P2000_L)));
            assertInstanceOf(Rmessage.Rattach.class, slow.call(0, new Tmessage.Tattach(1, P9.NOFID, "root", "", 0)));
            ByteBuffer getattr = RequestEncoder.encode(4, new Tmessage.Tgetattr(1,
                    P9.GETATTR_BASIC));
            while (getattr.hasRemaining()) {
                slow.send(new byte[] {getattr.get()});
                if (getattr.remaining() % 5 == 0) {
                    assertServedWithin(Duration.ofSeconds(2));
                }
                Thread.sleep(250);
            }
            var reply = slow.reply(Duration.ofSeconds(5));
            assertEquals(4, reply.tag());
            assertInstanceOf(Rmessage.Rgetattr.class, reply.message());
        }
    }

    @Test
    void thousandSimultaneousConnectionsAllMountWalkStatAndClunk() throws Exception {
        NinepClient setup = attached();
        String dir = freshDir(setup, 2);
        int n = 1000;
        List<NinepClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try (HeapSampler heap = HeapSampler.start()) {
            long start = System.nanoTime();
            List<Future<NinepClient>> opened = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                opened.add(pool.submit(() -> {
                    NinepClient c = NinepClient.connect("127.0.0.1", server.port()).timeout(Duration.ofSeconds(20));
                    c.version(8192, P9.VERSION_9P2000_L);
                    return c;
                }));
            }
            for (Future<NinepClient> f : opened) {
                clients.add(f.get(30, TimeUnit.SECONDS));
            }
            int peakConnections = connections.size();
            List<Future<Boolean>> done = new ArrayList<>();
            for (NinepClient c : clients) {
                done.add(pool.submit(() -> {
                    c.attach(1, P9.NOFID, "root", "", 0);
                    assertEquals(1, c.walk(1, 2, dir).size());
                    boolean isDir = c.getattr(2, P9.GETATTR_BASIC).qid().isDirectory();
                    c.clunk(2);
                    c.clunk(1);
                    return isDir;
                }));
            }
            for (Future<Boolean> f : done) {
                assertTrue(f.get(30, TimeUnit.SECONDS));
            }
            LOG.infof("%d simultaneous connections (server saw %d) served in %d ms, peak heap %d MiB"
                            + " (baseline %d MiB)", n, peakConnections, (System.nanoTime() - start) / 1_000_000,
                    heap.peakMiB(), heap.baselineMiB());
            assertTrue(peakConnections >= n, "the server saw only " + peakConnections + " connections at once");
        } finally {
            clients.forEach(NinepClient::close);
            pool.shutdownNow();
        }
        assertServedWithin(Duration.ofSeconds(5));
    }

    @Test
    void tenThousandPipelinedRequestsOnOneConnectionAreAllAnsweredOnTheirTags() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", 2, 0644, 0);
        c.write(3, 0, new byte[4096]);
        int n = 10_000;
        List<CompletableFuture<Rmessage>> replies = new ArrayList<>(n);
        try (HeapSampler heap = HeapSampler.start()) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                replies.add(c.send(i % 2 == 0 ? new Tmessage.Tgetattr(ROOT, P9.GETATTR_BASIC)
                        : new Tmessage.Tread(3, 0, 4096)));
            }
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            LOG.infof("%d pipelined requests answered in %d ms, peak heap %d MiB (baseline %d MiB)", n,
                    (System.nanoTime() - start) / 1_000_000, heap.peakMiB(), heap.baselineMiB());
        }
        for (int i = 0; i < n; i++) {
            Rmessage r = replies.get(i).get();
            if (i % 2 == 0) {
                assertInstanceOf(Rmessage.Rgetattr.class, r, "request " + i);
            } else {
                assertEquals(4096, assertInstanceOf(Rmessage.Rread.class, r, "request " + i).data().remaining());
            }
        }
        assertEquals(0, c.unexpectedReplies());
        assertEquals(0, c.outstanding());
    }
}
