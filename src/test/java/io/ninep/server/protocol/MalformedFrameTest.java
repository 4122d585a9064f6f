package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertEventually;
import static io.ninep.server.protocol.NinepAssertions.assertRlerror;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Frames the server cannot use: a size field that breaks framing closes the connection; a readable header
 * with a bad body or an unknown type gets Rlerror on its tag. Either way other connections never notice.
 */
@QuarkusTest
class MalformedFrameTest extends NinepServerTestBase {
    private static final int TWALK = 110;
    private static final int CLOSE_WAIT_SECONDS = 10;

    /** A Twalk of one name whose len[2] claims 100 bytes while 3 follow. */
    private static byte[] walkWithOverlongString(int tag) {
        return RawFrame.of(TWALK, tag).u32(ROOT).u32(2).u16(1)
                .lengthPrefixed(100, "abc".getBytes(StandardCharsets.UTF_8)).bytes();
    }

    private static void assertClosedByServer(NinepClient c) throws Exception {
        c.closed().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(c.closeCause().getMessage().contains("server closed"), c.closeCause().getMessage());
    }

    @Test
    void sizeFieldBelowAHeaderClosesTheConnection() throws Exception {
        NinepClient c = attached();
        c.sendRaw(RawFrame.of(120, 1).u32(ROOT).bytesWithSize(3));
        assertClosedByServer(c);
    }

    @Test
    void sizeFieldAboveMsizeClosesTheConnection() throws Exception {
        NinepClient c = attached();
        c.sendRaw(RawFrame.of(120, 1).u32(ROOT).bytesWithSize(MSIZE + 1));
        assertClosedByServer(c);
    }

    @Test
    void stringRunningPastTheFrameIsEproto() throws Exception {
        NinepClient c = attached();
        assertRlerror(Errno.EPROTO, c.sendRaw(5, walkWithOverlongString(5)));
    }

    @Test
    void connectionLivesAfterAStringRunningPastTheFrame() throws Exception {
        NinepClient c = attached();
        assertRlerror(Errno.EPROTO, c.sendRaw(5, walkWithOverlongString(5)));
        assertTrue(c.getattr(ROOT, P9.GETATTR_BASIC).qid().isDirectory());
        assertFalse(c.isClosed());
    }

    @Test
    void unknownMessageTypeIsEopnotsuppOnItsTag() throws Exception {
        NinepClient c = attached();
        int tag = 77;
        assertRlerror(Errno.EOPNOTSUPP, c.sendRaw(tag, RawFrame.of(200, tag).u32(ROOT).bytes()));
        assertTrue(c.getattr(ROOT, P9.GETATTR_BASIC).qid().isDirectory());
        assertEquals(0, c.unexpectedReplies());
    }

    @Test
    void legacyTopenIsEopnotsupp() throws Exception {
        NinepClient c = attached();
        int topen = 112;
        int tag = 78;
        assertRlerror(Errno.EOPNOTSUPP, c.sendRaw(tag, RawFrame.of(topen, tag).u32(ROOT).bytes()));
    }

    @Test
    void malformedFramesElsewhereDoNotDisturbAConnectionsConcurrentRequests() throws Exception {
        int rounds = 1000;
        int blockSize = 64;
        int badBodyCount = 200;
        NinepClient busy = attached();
        freshDir(busy, 2);
        FileOps.createFile(busy, 2, 3, "data", new byte[0]);
        NinepClient badBodies = attached();
        AtomicInteger eproto = new AtomicInteger();
        badBodies.addReplyListener(e -> {
            if (e.message() instanceof Rmessage.Rlerror error && error.ecode() == Errno.EPROTO.number()) {
                eproto.incrementAndGet();
            }
        });
        List<NinepClient> badSizes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            badSizes.add(attached());
        }

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Void> vandal = CompletableFuture.runAsync(() -> {
            awaitQuietly(go);
            for (int i = 0; i < badBodyCount; i++) {
                badBodies.sendRaw(walkWithOverlongString(1000 + i));
                if (i % (badBodyCount / badSizes.size()) == 0) {
                    badSizes.get(i / (badBodyCount / badSizes.size())).sendRaw(
                            RawFrame.of(120, 1).u32(ROOT).bytesWithSize(2));
                }
            }
        });
        List<CompletableFuture<Rmessage>> replies = new ArrayList<>();
        go.countDown();
        for (int i = 0; i < rounds; i++) {
            replies.add(busy.send(new Tmessage.Twrite(3, (long) i * blockSize, ByteBuffer.wrap(block(i, blockSize)))));
            replies.add(busy.send(new Tmessage.Tgetattr(2, P9.GETATTR_BASIC)));
        }
        vandal.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);

        for (int i = 0; i < replies.size(); i++) {
            Rmessage r = replies.get(i).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            if (i % 2 == 0) {
                assertEquals(blockSize, assertInstanceOf(Rmessage.Rwrite.class, r).count());
            } else {
                assertTrue(assertInstanceOf(Rmessage.Rgetattr.class, r).qid().isDirectory());
            }
        }
        byte[] all = busy.readAll(3);
        assertEquals(rounds * blockSize, all.length);
        for (int i = 0; i < rounds; i++) {
            assertArrayEquals(block(i, blockSize), Arrays.copyOfRange(all, i * blockSize, (i + 1) * blockSize));
        }
        assertFalse(busy.isClosed());
        assertEquals(0, busy.unexpectedReplies());
        for (NinepClient c : badSizes) {
            assertClosedByServer(c);
        }
        assertEventually(Duration.ofSeconds(CLOSE_WAIT_SECONDS), () -> eproto.get() == badBodyCount,
                badBodyCount + " Rlerror EPROTO");
        assertFalse(badBodies.isClosed());
    }

    private static byte[] block(int index, int size) {
        byte[] block = new byte[size];
        Arrays.fill(block, (byte) index);
        return block;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
