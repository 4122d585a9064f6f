package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.export.Export;
import io.ninep.export.ExportRegistry;
import io.ninep.export.Fault;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Rmessage.Rversion;
import io.ninep.protocol.Tmessage;
import io.ninep.server.ControlPlane;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tversion (version(5)): negotiation, refusal, and the session reset of a second Tversion. */
@QuarkusTest
class VersionTest extends NinepServerTestBase {

    @Inject
    ControlPlane controlPlane;
    @Inject
    ExportRegistry exports;

    private void injectFaults(Map<String, Fault> faults) throws Exception {
        Export export = exports.byName("default").orElseThrow();
        controlPlane.update(export, p -> p.withFaults(faults)).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void clearFaults() throws Exception {
        injectFaults(Map.of());
    }

    private NinepClient unversioned() throws Exception {
        return NinepClient.connect("127.0.0.1", server.port()).timeout(Duration.ofSeconds(20));
    }

    @Test
    void versionAgrees9P2000LAtTheClientsMsize() throws Exception {
        try (NinepClient c = unversioned()) {
            Rversion r = c.version(65536, P9.VERSION_9P2000_L);
            assertEquals(P9.VERSION_9P2000_L, r.version());
            assertEquals(65536, r.msize());
        }
    }

    @Test
    void versionAtOneMebibyteAgreesOneMebibyte() throws Exception {
        try (NinepClient c = unversioned()) {
            Rversion r = c.version(MSIZE, P9.VERSION_9P2000_L);
            assertEquals(P9.VERSION_9P2000_L, r.version());
            assertEquals(MSIZE, r.msize());
        }
    }

    @Test
    void msizeAboveServerMaximumGetsServerMaximum() throws Exception {
        try (NinepClient c = unversioned()) {
            Rversion r = c.version(8 * MSIZE, P9.VERSION_9P2000_L);
            assertEquals(MSIZE, r.msize());
            assertEquals(MSIZE, c.msize());
        }
    }

    @Test
    void unknownVersionStringGetsUnknown() throws Exception {
        try (NinepClient c = unversioned()) {
            assertEquals(P9.VERSION_UNKNOWN, c.version(MSIZE, "NotA9PDialect").version());
        }
    }

    @Test
    void versionAfterAnUnknownOneCanStillAgree() throws Exception {
        try (NinepClient c = unversioned()) {
            c.version(MSIZE, "NotA9PDialect");
            assertEquals(P9.VERSION_9P2000_L, c.version(MSIZE, P9.VERSION_9P2000_L).version());
            assertTrue(c.attach(ROOT, P9.NOFID, "root", "", 0).isDirectory());
        }
    }

    @Test
    void requestBeforeVersionGetsEproto() throws Exception {
        try (NinepClient c = unversioned()) {
            assertErrno(Errno.EPROTO, () -> c.attach(ROOT, P9.NOFID, "root", "", 0));
        }
    }

    @Test
    void connectionRefusedBeforeVersionStaysUsable() throws Exception {
        try (NinepClient c = unversioned()) {
            assertErrno(Errno.EPROTO, () -> c.getattr(ROOT, P9.GETATTR_BASIC));
            c.version(MSIZE, P9.VERSION_9P2000_L);
            assertTrue(c.attach(ROOT, P9.NOFID, "root", "", 0).isDirectory());
            assertFalse(c.isClosed());
        }
    }

    @Test
    void secondVersionClunksEveryFid() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.version(MSIZE, P9.VERSION_9P2000_L);
        assertErrno(Errno.EBADF, () -> c.getattr(ROOT, P9.GETATTR_BASIC));
        assertErrno(Errno.EBADF, () -> c.getattr(2, P9.GETATTR_BASIC));
    }

    @Test
    void fidNumbersAreFreeAgainAfterSecondVersion() throws Exception {
        NinepClient c = attached();
        c.version(MSIZE, P9.VERSION_9P2000_L);
        assertTrue(c.attach(ROOT, P9.NOFID, "root", "", 0).isDirectory());
    }

    @Test
    void secondVersionAbortsRequestsInFlight() throws Exception {
        NinepClient c = attached();
        String dir = freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", new byte[0]);
        Duration delay = Duration.ofSeconds(1);
        injectFaults(Map.of("write", new Fault(delay, Optional.empty())));
        CompletableFuture<Rmessage> write = c.send(new Tmessage.Twrite(3, 0, ByteBuffer.wrap(new byte[] {1})));
        c.version(MSIZE, P9.VERSION_9P2000_L);
        assertTrue(write.isCompletedExceptionally());
        Thread.sleep(delay.multipliedBy(2).toMillis());
        assertEquals(0, c.unexpectedReplies(), "a reply to a request aborted by Tversion");
        NinepClient other = attached();
        other.walk(ROOT, 2, dir, "f");
        assertEquals(0, other.getattr(2, P9.GETATTR_BASIC).size(), "the aborted write took effect");
    }
}
