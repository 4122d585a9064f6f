package io.ninep.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ninep.client.NinepClient;
import io.ninep.protocol.P9;
import io.ninep.protocol.Tmessage;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of whole 9P sessions against the real server pieces on a real socket: each
 * input is a Tversion and Tattach followed by a sequence of typed requests of every kind (pipelined or
 * not), flushes of tags in flight, raw frames and, rarely, a frame whose size field breaks framing.
 * Every reply is held to {@link ReplyRules}; the connection must stay open unless framing was broken;
 * afterwards a fresh connection must mount and stat the root, and closing everything must release
 * every fid, lock and byte of the memory budget. Regression inputs live in
 * src/test/resources/io/ninep/fuzz/SessionFuzzTestInputs/; JAZZER_FUZZ=1 fuzzes.
 */
class SessionFuzzTest {
    private static final int MAX_MSIZE = 1 << 20;
    private static final int MAX_STEPS = 64;
    private static final int MAX_IN_FLIGHT = 32;
    private static FuzzServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = FuzzServer.start(new FuzzConfig(MAX_MSIZE, 64L << 20));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @FuzzTest(maxDuration = "15s")
    void anySessionGetsWellFormedRepliesOnItsOwnTagsAndLeavesTheServerServing(FuzzedDataProvider data)
            throws Exception {
        // Jazzer's SSRF detector flags every connect; this fuzzer only talks to its own loopback server.
        try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(
                (host, port) -> "localhost".equals(host) || host.startsWith("127."))) {
            runSession(data);
        }
    }

    private static void runSession(FuzzedDataProvider data) throws Exception {
        server.reset();
        try (Conversation c = new Conversation(server.port(), MAX_MSIZE)) {
            try {
                play(c, data);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nsession:\n" + c.transcript(), e);
            }
        }
        assertStillServing();
        assertReleasedEverything();
    }

    private static void play(Conversation c, FuzzedDataProvider data) {
        RequestMaker maker = new RequestMaker(data);
        c.version(new Tmessage.Tversion(data.pickValue(new int[] {8192, 65536, MAX_MSIZE}), P9.VERSION_9P2000_L));
        c.send(maker.attach(0));
        for (int step = 0; step < MAX_STEPS && data.remainingBytes() > 0 && !c.closed(); step++) {
            int kind = data.consumeInt(0, RequestMaker.TYPES + 5);
            if (kind < RequestMaker.TYPES) {
                c.send(maker.request(kind, c.msize()));
            } else if (kind < RequestMaker.TYPES + 2) {
                c.sendRaw(maker);
            } else if (kind < RequestMaker.TYPES + 4) {
                c.flush(data.consumeInt());
            } else if (kind == RequestMaker.TYPES + 4) {
                c.drain();
            } else if (data.consumeInt(0, 7) == 0) {
                c.breakFraming(maker.brokenSize(c.msize()));
            }
            if (c.inFlight() >= MAX_IN_FLIGHT || data.consumeBoolean()) {
                c.drain();
            }
        }
        if (!c.closed()) {
            c.drain();
        }
    }

    /** The mount sequence of Linux on a new connection: Tversion, Tattach, Tgetattr of the root. */
    private static void assertStillServing() throws Exception {
        try (NinepClient fresh = NinepClient.connect("127.0.0.1", server.port()).timeout(Duration.ofSeconds(10))) {
            fresh.version(8192, P9.VERSION_9P2000_L);
            fresh.attach(0, P9.NOFID, "root", "", 0);
            assertTrue(fresh.getattr(0, P9.GETATTR_BASIC).qid().isDirectory());
        }
    }

    /** Fids and the memory budget are released asynchronously after a close, hence the polling. */
    private static void assertReleasedEverything() throws InterruptedException {
        awaitTrue(() -> server.openConnections() == 0, () -> "connections still open: " + server.openConnections());
        awaitTrue(() -> server.stats().liveFids.get() == 0, () -> "fids still live: " + server.stats().liveFids);
        awaitTrue(() -> server.budget().used() == 0, () -> "budget bytes still reserved: " + server.budget().used());
        awaitTrue(() -> server.locks().size() == 0, () -> "locks still held: " + server.locks().size());
        assertEquals(0, server.stats().tagReuse.get(), "the server saw a reused tag");
    }

    private static void awaitTrue(BooleanSupplier condition, Supplier<String> failure) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(1);
        }
    }
}
