package io.ninep.server.flush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.server.Connection;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tversion mid-connection and connection close (version(5), PROTOCOL.md): every outstanding request is
 * aborted and never answered after Rversion, and every fid and lock of the connection is released.
 */
@QuarkusTest
class VersionResetTest extends FlushTestBase {
    private static final Duration DELAY = Duration.ofSeconds(3);
    private static final Duration PAST_DELAY = DELAY.plusMillis(700);

    @Test
    void versionWithHundredPendingAnswersNoneAfterRversion() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", O_RDWR, 0644, 0);
        c.write(3, 0, "data".getBytes(StandardCharsets.UTF_8));
        int locksBefore = server.locks().size();
        assertEquals(0, c.lock(3, WRLCK, 0, 0, 10, 1, "before-version"));
        delay(Map.of("read", DELAY, "walk", DELAY));

        Set<Integer> pendingTags = new HashSet<>();
        List<CompletableFuture<Rmessage>> pending = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pending.add(c.send(100 + i, new Tmessage.Tread(3, 0, 4)));
            pending.add(c.send(150 + i, new Tmessage.Twalk(2, 1000 + i, List.of())));
            pendingTags.add(100 + i);
            pendingTags.add(150 + i);
        }
        Rmessage.Rversion version = c.version(MSIZE, P9.VERSION_9P2000_L);
        int rversionAt = l.log().indexOf(P9.NOTAG, 101);
        Thread.sleep(PAST_DELAY.toMillis());
        clearFaults();

        assertEquals(P9.VERSION_9P2000_L, version.version());
        assertEquals(List.of(), l.log().after(rversionAt, pendingTags), "replies to aborted requests after Rversion");
        for (CompletableFuture<Rmessage> request : pending) {
            assertThrows(CancellationException.class, () -> request.get(1, TimeUnit.SECONDS));
        }
        assertEquals(0, c.unexpectedReplies());
        c.attach(ROOT, P9.NOFID, "root", "", 0);
        for (int fid : List.of(2, 3, 1000, 1049)) {
            assertEquals(EBADF, assertThrows(NinepException.class, () -> c.getattr(fid, P9.GETATTR_BASIC)).errno(),
                    "fid " + fid + " survived Tversion");
        }
        assertEquals(1, onlyConnection().session().fids().size(), "only the new root fid should be bound");
        assertEquals(locksBefore, server.locks().size(), "Tversion should release the connection's locks");
    }

    @Test
    void closingWithPendingRequestsLeaksNothing() throws Exception {
        long baseline = settledLiveFids();
        int locksBefore = server.locks().size();
        NinepClient c = loggedClient().client();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "f", O_RDWR, 0644, 0);
        for (int fid = 4; fid < 10; fid++) {
            c.walk(2, fid);
        }
        assertEquals(0, c.lock(3, WRLCK, 0, 0, 10, 1, "closing"));
        assertTrue(server.locks().size() > locksBefore);
        delay(Map.of("read", DELAY, "walk", DELAY, "lock", DELAY, "write", DELAY));
        for (int i = 0; i < 20; i++) {
            c.send(100 + i, new Tmessage.Tread(3, 0, 4));
            c.send(200 + i, new Tmessage.Twalk(2, 1000 + i, List.of()));
            c.send(300 + i, new Tmessage.Tlock(3, WRLCK, 0, 100 + i, 1, 1, "closing"));
            c.send(400 + i, new Tmessage.Twrite(3, i, ByteBuffer.wrap(new byte[] {1})));
        }
        c.close();

        await("fids and locks are released", Duration.ofSeconds(5),
                () -> server.stats().liveFids.get() == baseline && server.locks().size() == locksBefore);
        Thread.sleep(PAST_DELAY.toMillis());
        assertEquals(baseline, server.stats().liveFids.get(), "a cancelled walk bound a fid after the close");
        assertEquals(locksBefore, server.locks().size(), "a cancelled lock was taken after the close");
        assertEquals(0, connections.size());
    }

    private Connection onlyConnection() throws InterruptedException {
        await("earlier tests' connections are gone", Duration.ofSeconds(5), () -> connections.size() == 1);
        return connections.all().iterator().next();
    }
}
