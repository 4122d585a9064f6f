package io.ninep.server.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.export.Export;
import io.ninep.export.ExportRegistry;
import io.ninep.export.Fault;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.server.ControlPlane;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tag reused while its request is in flight: no reply could be told apart from the original's, so the
 * server closes that connection, and only that one. A Twrite held back by an injected delay keeps the tag busy.
 */
@QuarkusTest
class TagReuseTest extends NinepServerTestBase {
    private static final int TAG = 7;
    private static final Duration WRITE_DELAY = Duration.ofSeconds(3);
    private static final byte[] CONTENT = "steady".getBytes(StandardCharsets.UTF_8);

    @Inject
    ControlPlane controlPlane;
    @Inject
    ExportRegistry exports;

    private void delayWrites(Map<String, Fault> faults) throws Exception {
        Export export = exports.byName("default").orElseThrow();
        controlPlane.update(export, p -> p.withFaults(faults)).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void clearFaults() throws Exception {
        delayWrites(Map.of());
    }

    /** Fid 3 open read-write on a file holding {@link #CONTENT}, made before any fault is injected. */
    private NinepClient withOpenFile() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", CONTENT);
        return c;
    }

    private static Tmessage.Twrite slowWrite() {
        return new Tmessage.Twrite(3, 100, ByteBuffer.wrap(new byte[] {1}));
    }

    @Test
    void reusingATagInFlightClosesTheConnection() throws Exception {
        NinepClient c = withOpenFile();
        delayWrites(Map.of("write", new Fault(WRITE_DELAY, Optional.empty())));
        long reusesBefore = server.stats().tagReuse.get();
        c.send(TAG, slowWrite());
        c.send(TAG, new Tmessage.Tgetattr(3, P9.GETATTR_BASIC));
        // Well before the delayed write could finish: the close answers the reuse, not the write.
        c.closed().get(WRITE_DELAY.toMillis() / 2, TimeUnit.MILLISECONDS);
        assertEquals(reusesBefore + 1, server.stats().tagReuse.get());
    }

    @Test
    void otherConnectionIsUnaffectedByAnotherConnectionsTagReuse() throws Exception {
        NinepClient offender = withOpenFile();
        NinepClient bystander = withOpenFile();
        delayWrites(Map.of("write", new Fault(WRITE_DELAY, Optional.empty())));
        var bystanderWrite = bystander.send(TAG, slowWrite());
        offender.send(TAG, slowWrite());
        offender.send(TAG, new Tmessage.Tgetattr(3, P9.GETATTR_BASIC));
        offender.closed().get(WRITE_DELAY.toMillis() / 2, TimeUnit.MILLISECONDS);
        assertArrayEquals(CONTENT, bystander.read(3, 0, CONTENT.length));
        Rmessage written = bystanderWrite.get(WRITE_DELAY.toSeconds() * 3, TimeUnit.SECONDS);
        assertEquals(1, assertInstanceOf(Rmessage.Rwrite.class, written).count());
        assertTrue(bystander.getattr(3, P9.GETATTR_BASIC).size() > 100);
        assertFalse(bystander.isClosed());
    }

    @Test
    void reusingATagAfterItsReplyIsFine() throws Exception {
        NinepClient c = withOpenFile();
        for (int i = 0; i < 3; i++) {
            Rmessage r = c.send(TAG, new Tmessage.Tgetattr(3, P9.GETATTR_BASIC)).get(10, TimeUnit.SECONDS);
            assertEquals(CONTENT.length, assertInstanceOf(Rmessage.Rgetattr.class, r).size());
        }
        assertFalse(c.isClosed());
    }
}
