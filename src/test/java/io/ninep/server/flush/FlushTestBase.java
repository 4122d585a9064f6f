package io.ninep.server.flush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.export.ExportRegistry;
import io.ninep.export.Fault;
import io.ninep.server.ConnectionRegistry;
import io.ninep.server.ControlPlane;
import io.ninep.server.protocol.NinepServerTestBase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;

/**
 * Plumbing for flush and version tests: injected delays on the default export (which run before an
 * operation's commit point, so a flush during one always cancels), clients whose replies are logged in
 * wire order, and the check every such test shares: no Rlerror(EINTR) ever reaches the wire (LESSONS.md §1).
 */
abstract class FlushTestBase extends NinepServerTestBase {
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int S_IFMT = 0170000;
    static final int S_IFDIR = 0040000;
    static final int S_IFREG = 0100000;
    static final int WRLCK = 1;
    static final int UNLCK = 2;

    @Inject
    ControlPlane controlPlane;
    @Inject
    ExportRegistry exports;
    @Inject
    ConnectionRegistry connections;

    private final List<WireLog> logs = new ArrayList<>();

    /** An attached client whose every reply frame is logged. */
    Logged loggedClient() throws IOException {
        NinepClient c = attached();
        WireLog log = WireLog.of(c);
        synchronized (logs) {
            logs.add(log);
        }
        return new Logged(c, log);
    }

    record Logged(NinepClient client, WireLog log) {
    }

    /** Delays every later request of these operations on the default export, once all connections have it. */
    void delay(Map<String, Duration> byOp) throws Exception {
        Map<String, Fault> faults = new LinkedHashMap<>();
        byOp.forEach((op, d) -> faults.put(op, new Fault(d, Optional.empty())));
        controlPlane.update(exports.byName("default").orElseThrow(), p -> p.withFaults(faults))
                .get(10, TimeUnit.SECONDS);
    }

    void delay(String op, Duration d) throws Exception {
        delay(Map.of(op, d));
    }

    void clearFaults() throws Exception {
        delay(Map.of());
    }

    /** Polls until {@code condition} holds; fid resources are freed asynchronously after clunk and close. */
    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

    /** The live-fid count once no connection of earlier tests is left and the count has settled. */
    long settledLiveFids() throws InterruptedException {
        await("earlier connections are gone", Duration.ofSeconds(10), () -> connections.size() == 0);
        long previous = -1;
        long now = server.stats().liveFids.get();
        while (now != previous) {
            Thread.sleep(200);
            previous = now;
            now = server.stats().liveFids.get();
        }
        return now;
    }

    @AfterEach
    void noEintrEverReachedTheWire() throws Exception {
        clearFaults();
        synchronized (logs) {
            for (WireLog log : logs) {
                assertEquals(List.of(), log.errors(EINTR), "Rlerror(EINTR) on the wire");
            }
            logs.clear();
        }
    }
}
