package io.ninep.client;

import io.ninep.protocol.Dirent;
import io.ninep.protocol.Frame;
import io.ninep.protocol.Qid;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Rmessage.Rclunk;
import io.ninep.protocol.Rmessage.Rlerror;
import io.ninep.protocol.Rmessage.Rwrite;
import io.ninep.protocol.Tmessage;
import io.ninep.protocol.Tmessage.Tclunk;
import io.ninep.protocol.Tmessage.Tread;
import io.ninep.protocol.Tmessage.Treaddir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against a fake server that answers with hand-written frames. */
class NinepClientTest {
    private static final String RVERSION_8192 = "15000000 65 ffff 00200000 0800 3950323030302e4c";

    private FakeServer server;
    private NinepClient client;

    @BeforeEach
    void connect() throws IOException {
        server = new FakeServer();
        client = server.connect().timeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void disconnect() throws IOException {
        client.close();
        server.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void tagsAreTheLowestFreeAndReusedAtOnce() throws Exception {
        CompletableFuture<Rmessage> first = client.send(new Tclunk(1));
        client.send(new Tclunk(2));
        client.send(new Tclunk(3));
        assertEquals(0, server.readRequest().tag());
        assertEquals(1, server.readRequest().tag());
        assertEquals(2, server.readRequest().tag());
        server.reply("07000000 79 0000");
        await(first);
        client.send(new Tclunk(4));
        assertEquals(new Frame(0, new Tclunk(4)), server.readRequest());
        client.send(new Tclunk(5));
        assertEquals(3, server.readRequest().tag());
    }

    @Test
    void repliesInAnyOrderCompleteTheirOwnRequests() throws Exception {
        List<CompletableFuture<Rmessage>> writes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writes.add(client.send(new Tmessage.Twrite(1, 0, ByteBuffer.wrap(new byte[i + 1]))));
            server.readFrame();
        }
        server.reply("0b000000 77 0200 03000000");
        server.reply("0b000000 77 0000 01000000");
        server.reply("0b000000 77 0100 02000000");
        for (int i = 0; i < 3; i++) {
            assertEquals(new Rwrite(i + 1), await(writes.get(i)));
        }
        assertEquals(0, client.outstanding());
    }

    @Test
    void versionTravelsOnNotagAndNegotiatesMsize() throws Exception {
        CompletableFuture<Rmessage> reply = CompletableFuture.supplyAsync(() -> client.version(65536, "9P2000.L"));
        assertArrayEquals(FakeServer.hex("15000000 64 ffff 00000100 0800 3950323030302e4c"), server.readFrame());
        server.reply(RVERSION_8192);
        assertEquals(new Rmessage.Rversion(8192, "9P2000.L"), await(reply));
        assertEquals(8192, client.msize());
    }

    @Test
    void rversionAbortsRequestsStillInFlight() throws Exception {
        CompletableFuture<Rmessage> clunk = client.send(new Tclunk(1));
        server.readFrame();
        negotiate8192();
        assertThrows(CancellationException.class, () -> clunk.get(5, TimeUnit.SECONDS));
        assertEquals(0, client.outstanding());
    }

    @Test
    void unknownVersionLeavesMsizeUnnegotiated() throws Exception {
        CompletableFuture<Rmessage> reply = client.send(new Tmessage.Tversion(8192, "9P3000"));
        server.readFrame();
        server.reply("14000000 65 ffff 00200000 0700 756e6b6e6f776e");
        assertEquals(new Rmessage.Rversion(8192, "unknown"), await(reply));
        assertEquals(Integer.MAX_VALUE, client.msize());
    }

    @Test
    void requestLargerThanMsizeIsRefusedWithoutSendingIt() throws Exception {
        negotiate8192();
        CompletableFuture<Rmessage> tooBig = client.send(new Tmessage.Twrite(1, 0, ByteBuffer.allocate(8192)));
        assertInstanceOf(IllegalArgumentException.class, failureOf(tooBig));
        client.send(new Tclunk(9));
        assertEquals(new Frame(0, new Tclunk(9)), server.readRequest());
    }

    @Test
    void replyOfAtLeastMsizeClosesTheConnectionLikeLinux() throws Exception {
        negotiate8192();
        CompletableFuture<Rmessage> read = client.send(new Tread(1, 0, 8192));
        server.readFrame();
        byte[] reply = new byte[8192];
        ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN).putInt(8192).put((byte) 117).putShort((short) 0)
                .putInt(8192 - 11);
        server.reply(reply);
        assertInstanceOf(ConnectionClosedException.class, failureOf(read));
        assertTrue(client.closeCause().getMessage().contains("framing"), client.closeCause().getMessage());
    }

    @Test
    void closeFailsEveryPendingRequest() throws Exception {
        CompletableFuture<Rmessage> a = client.send(new Tclunk(1));
        CompletableFuture<Rmessage> b = client.send(new Tclunk(2));
        client.close();
        assertInstanceOf(ConnectionClosedException.class, failureOf(a));
        assertInstanceOf(ConnectionClosedException.class, failureOf(b));
        assertTrue(client.closed().isDone());
        assertInstanceOf(ConnectionClosedException.class, failureOf(client.send(new Tclunk(3))));
    }

    @Test
    void serverHangingUpFailsPendingRequestsAndCompletesClosed() throws Exception {
        CompletableFuture<Rmessage> pending = client.send(new Tclunk(1));
        server.readFrame();
        server.hangUp();
        await(client.closed());
        assertInstanceOf(ConnectionClosedException.class, failureOf(pending));
        assertTrue(client.isClosed());
    }

    @Test
    void replyOnATagNobodyWaitsForIsRecordedNotFatal() throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        client.addReplyListener(events::add);
        server.reply("07000000 79 4d00");
        CompletableFuture<Rmessage> clunk = client.send(new Tclunk(1));
        server.readFrame();
        server.reply("07000000 79 0000");
        assertEquals(new Rclunk(), await(clunk));
        assertEquals(1, client.unexpectedReplies());
        assertFalse(events.get(0).awaited());
        assertEquals(0x4d, events.get(0).tag());
        assertTrue(events.get(1).awaited());
        assertFalse(client.isClosed());
    }

    @Test
    void listenerSeesEveryReplyInWireOrder() throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        client.addReplyListener(events::add);
        List<CompletableFuture<Rmessage>> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(client.send(new Tclunk(i)));
            server.readFrame();
        }
        server.reply("07000000 79 0300 07000000 79 0100 0b000000 07 0000 02000000 07000000 79 0200");
        for (CompletableFuture<Rmessage> future : sent) {
            await(future);
        }
        assertEquals(List.of(3, 1, 0, 2), events.stream().map(ClientEvent::tag).toList());
        assertEquals(new Rlerror(2), events.get(2).message());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).arrivalNanos() >= events.get(i - 1).arrivalNanos());
        }
    }

    @Test
    void malformedReplyClosesTheConnectionAndIsReported() throws Exception {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        client.addReplyListener(events::add);
        CompletableFuture<Rmessage> read = client.send(new Tread(1, 0, 10));
        server.readFrame();
        server.reply("0e000000 75 0000 09000000 616263");
        assertInstanceOf(ConnectionClosedException.class, failureOf(read));
        assertTrue(events.get(0).isMalformed());
        assertEquals(0, events.get(0).tag());
        assertTrue(client.closeCause().getMessage().startsWith("malformed reply"));
    }

    @Test
    void rawBytesGoOutUnchanged() throws Exception {
        byte[] raw = FakeServer.hex("0b000000 ff 3412 05000000");
        client.sendRaw(raw);
        assertArrayEquals(raw, server.readFrame());
        assertEquals(0, client.outstanding());
    }

    @Test
    void rawFrameWithATagCanAwaitItsReply() throws Exception {
        CompletableFuture<Rmessage> reply = client.sendRaw(0x1234, FakeServer.hex("0b000000 ff 3412 05000000"));
        server.readFrame();
        server.reply("0b000000 07 3412 5f000000");
        assertEquals(new Rlerror(95), await(reply));
    }

    @Test
    void rlerrorBecomesNinepExceptionWithTheErrnoName() throws Exception {
        CompletableFuture<List<Qid>> walk = CompletableFuture.supplyAsync(() -> client.walk(0, 1, "missing"));
        server.readFrame();
        server.reply("0b000000 07 0000 02000000");
        NinepException e = assertInstanceOf(NinepException.class, failureOf(walk));
        assertEquals(2, e.errno());
        assertEquals("ENOENT", e.errnoName());
        assertEquals("errno 4242", new NinepException("walk", 4242).errnoName());
    }

    @Test
    void replyOfTheWrongTypeIsAnUnexpectedReply() throws Exception {
        CompletableFuture<Void> clunk = CompletableFuture.runAsync(() -> client.clunk(1));
        server.readFrame();
        server.reply("07000000 7b 0000");
        assertInstanceOf(UnexpectedReplyException.class, failureOf(clunk));
    }

    @Test
    void synchronousCallGivesUpAfterTheTimeout() {
        client.timeout(Duration.ofMillis(100));
        assertThrows(ReplyTimeoutException.class, () -> client.clunk(1));
        assertEquals(1, client.outstanding(), "the request stays in flight");
    }

    @Test
    void rflushCancelsTheFlushedRequestAndFreesItsTag() throws Exception {
        CompletableFuture<Rmessage> read = client.send(new Tread(1, 0, 10));
        server.readFrame();
        CompletableFuture<Rmessage> flush = client.flushAsync(0);
        assertEquals(new Frame(1, new Tmessage.Tflush(0)), server.readRequest());
        server.reply("07000000 6d 0100");
        await(flush);
        assertThrows(CancellationException.class, () -> read.get(5, TimeUnit.SECONDS));
        assertEquals(0, client.outstanding());
        CompletableFuture<ClientEvent> stray = new CompletableFuture<>();
        client.addReplyListener(stray::complete);
        server.reply("0b000000 75 0000 00000000");
        assertFalse(await(stray).awaited(), "a reply after Rflush is a stray");
        assertEquals(1, client.unexpectedReplies());
    }

    @Test
    void replyBeforeRflushIsHonoured() throws Exception {
        CompletableFuture<Rmessage> write = client.send(new Tmessage.Twrite(1, 0, ByteBuffer.wrap(new byte[3])));
        server.readFrame();
        CompletableFuture<Rmessage> flush = client.flushAsync(0);
        server.readFrame();
        server.reply("0b000000 77 0000 03000000 07000000 6d 0100");
        assertEquals(new Rwrite(3), await(write));
        await(flush);
        assertEquals(0, client.unexpectedReplies());
    }

    @Test
    void rflushSparesARequestThatReusedTheTagAfterTheFlushedOneWasAnswered() throws Exception {
        CompletableFuture<Rmessage> write = client.send(new Tmessage.Twrite(1, 0, ByteBuffer.wrap(new byte[3])));
        server.readFrame();
        CompletableFuture<Rmessage> flush = client.flushAsync(0);
        server.readFrame();
        server.reply("0b000000 77 0000 03000000");
        assertEquals(new Rwrite(3), await(write));
        CompletableFuture<Rmessage> clunk = client.send(0, new Tclunk(2));
        assertEquals(new Frame(0, new Tclunk(2)), server.readRequest());
        server.reply("07000000 6d 0100");
        await(flush);
        assertFalse(clunk.isDone(), "the Rflush ended the request that reused the tag");
        server.reply("07000000 79 0000");
        assertEquals(new Rmessage.Rclunk(), await(clunk));
        assertEquals(0, client.unexpectedReplies());
    }

    @Test
    void msizeOfTwoGibibytesOrMoreIsReadUnsigned() throws Exception {
        CompletableFuture<Rmessage> reply = client.send(new Tmessage.Tversion(0x80000000, "9P2000.L"));
        server.readFrame();
        server.reply("15000000 65 ffff 00000080 0800 3950323030302e4c");
        assertEquals(new Rmessage.Rversion(0x80000000, "9P2000.L"), await(reply));
        assertEquals(Integer.MAX_VALUE, client.msize(), "capped where Java arrays end");
    }

    @Test
    void explicitTagAlreadyInFlightIsAnsweredInSendOrder() throws Exception {
        CompletableFuture<Rmessage> first = client.send(7, new Tclunk(1));
        CompletableFuture<Rmessage> second = client.send(7, new Tclunk(2));
        assertEquals(new Frame(7, new Tclunk(1)), server.readRequest());
        assertEquals(new Frame(7, new Tclunk(2)), server.readRequest());
        server.reply("0b000000 07 0700 01000000");
        server.reply("07000000 79 0700");
        assertEquals(new Rlerror(1), await(first));
        assertEquals(new Rclunk(), await(second));
        assertEquals(0, client.outstanding());
    }

    @Test
    void concurrentSendersAllGetAnswers() throws Exception {
        Thread echo = new Thread(() -> {
            try {
                while (true) {
                    byte[] frame = server.readFrame();
                    server.reply("07000000 79 " + String.format("%02x%02x", frame[5], frame[6]));
                }
            } catch (IOException endOfTest) {
                // The client closed: the echo is over.
            }
        });
        echo.setDaemon(true);
        echo.start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        client.clunk(i);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, client.unexpectedReplies());
        assertEquals(0, client.outstanding());
    }

    @Test
    void readAllLoopsUntilAnEmptyRead() throws Exception {
        CompletableFuture<byte[]> all = CompletableFuture.supplyAsync(() -> client.readAll(5));
        Tread first = (Tread) server.readRequest().message();
        assertEquals(0, first.offset());
        server.reply("0e000000 75 0000 03000000 616263");
        Tread second = (Tread) server.readRequest().message();
        assertEquals(3, second.offset());
        server.reply("0b000000 75 0000 00000000");
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), await(all));
    }

    @Test
    void readdirAllResumesFromTheLastEntrysOffset() throws Exception {
        CompletableFuture<List<Dirent>> all = CompletableFuture.supplyAsync(() -> client.readdirAll(5));
        assertEquals(0, ((Treaddir) server.readRequest().message()).offset());
        server.reply("24000000 29 0000 19000000 80 00000000 0100000000000000 2a00000000000000 04 0100 2e");
        assertEquals(0x2a, ((Treaddir) server.readRequest().message()).offset());
        server.reply("0b000000 29 0000 00000000");
        assertEquals(List.of(new Dirent(new Qid(Qid.DIR, 0, 1), 0x2a, 4, ".")), await(all));
    }

    private void negotiate8192() throws Exception {
        CompletableFuture<Rmessage> reply = client.send(new Tmessage.Tversion(1 << 20, "9P2000.L"));
        server.readFrame();
        server.reply(RVERSION_8192);
        await(reply);
        assertEquals(8192, client.msize());
        assertNull(client.closeCause());
    }
}
