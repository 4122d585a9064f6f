package io.ninep.server.flush;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ninep.client.ClientEvent;
import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.protocol.Dirent;
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
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tflush as flush(5) and LESSONS.md §1 demand: a request flushed before its commit point is never
 * answered and leaves no effect; one that committed is answered before the Rflush; Rflush always comes,
 * never as an error. Injected delays run before the operation, so a flush during one always cancels.
 */
@QuarkusTest
class FlushTest extends FlushTestBase {
    private static final Duration DELAY = Duration.ofSeconds(3);
    private static final Duration PAST_DELAY = DELAY.plusMillis(700);
    /** Far below {@link #DELAY}: a cancelled request's Rflush must not wait for the delay to run out. */
    private static final long PROMPT_MILLIS = 1500;
    private static final int RWRITE = 119;
    private static final int RLCREATE = 15;

    @Test
    void flushedDelayedWriteIsNeverAnswered() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        byte[] original = bytes("original");
        openNewFile(c, 3, "f", original);
        long dropped = server.stats().flushDropped.get();
        delay("write", DELAY);

        CompletableFuture<Rmessage> write = c.send(100, new Tmessage.Twrite(3, 0, ByteBuffer.wrap(bytes("CHANGED!"))));
        long millis = timed(() -> c.flush(100));
        Thread.sleep(PAST_DELAY.toMillis());

        assertTrue(millis < PROMPT_MILLIS, "Rflush took " + millis + " ms: the cancel did not reach the delayed write");
        assertEquals(List.of(), l.log().onTag(100), "a reply to the flushed write reached the wire");
        assertCancelled(write);
        assertEquals(0, c.unexpectedReplies());
        clearFaults();
        assertArrayEquals(original, c.read(3, 0, 100), "the flushed write changed the file");
        assertEquals(dropped + 1, server.stats().flushDropped.get());
    }

    @Test
    void flushOfCompletedWriteAnswersWriteThenFlush() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        openNewFile(c, 3, "f", new byte[0]);
        int rounds = 120;
        List<CompletableFuture<Rmessage>> flushes = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            c.send(writeTag(i), new Tmessage.Twrite(3, 8L * i, ByteBuffer.wrap(slot(i))));
            // Spread the gap from none to 2.4 ms so flushes land before, during and after the write.
            LockSupport.parkNanos((i % 25) * 100_000L);
            flushes.add(c.send(writeTag(i) + 1, new Tmessage.Tflush(writeTag(i))));
            flushes.get(i).get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(300);

        byte[] file = c.readAll(3);
        int answered = 0;
        for (int i = 0; i < rounds; i++) {
            int w = writeTag(i);
            List<Integer> order = typesOn(l.log(), Set.of(w, w + 1));
            if (order.equals(List.of(RWRITE, WireLog.RFLUSH))) {
                answered++;
                assertArrayEquals(slot(i), slice(file, 8 * i), "round " + i + ": Rwrite but the data is missing");
            } else if (order.equals(List.of(WireLog.RFLUSH))) {
                assertArrayEquals(new byte[8], slice(file, 8 * i), "round " + i + ": dropped write left data");
            } else {
                fail("round " + i + ": replies in wire order were " + order + " (Rwrite=119, Rflush=109)");
            }
        }
        System.out.printf("flushOfCompletedWrite: %d of %d writes answered before their Rflush%n", answered, rounds);
        assertTrue(answered > 0, "no write was answered before its Rflush");
        assertEquals(0, c.unexpectedReplies());
    }

    @Test
    void cancelledWalkLeavesNewfidUnbound() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        freshDir(c, 2);
        c.mkdir(2, "sub", 0755, 0);
        delay("walk", DELAY);

        CompletableFuture<Rmessage> walk = c.send(100, new Tmessage.Twalk(2, 5, List.of("sub")));
        long millis = timed(() -> c.flush(100));
        Thread.sleep(PAST_DELAY.toMillis());
        clearFaults();

        assertTrue(millis < PROMPT_MILLIS, "Rflush took " + millis + " ms");
        assertEquals(List.of(), l.log().onTag(100));
        assertCancelled(walk);
        assertErrno(EBADF, () -> c.getattr(5, P9.GETATTR_BASIC));
        assertEquals(1, c.walk(2, 5, "sub").size(), "newfid should be free for a new walk");
    }

    @Test
    void cancelledLcreateLeavesNoFileAndFidUnopened() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        freshDir(c, 2);
        c.walk(2, 3);
        delay("lcreate", DELAY);

        CompletableFuture<Rmessage> create = c.send(100, new Tmessage.Tlcreate(3, "new", O_RDWR, 0644, 0));
        long millis = timed(() -> c.flush(100));
        Thread.sleep(PAST_DELAY.toMillis());
        clearFaults();

        assertTrue(millis < PROMPT_MILLIS, "Rflush took " + millis + " ms");
        assertEquals(List.of(), l.log().onTag(100));
        assertCancelled(create);
        assertErrno(ENOENT, () -> c.walk(2, 4, "new"));
        assertEquals(S_IFDIR, c.getattr(3, P9.GETATTR_BASIC).mode() & S_IFMT, "fid 3 should still be the directory");
        assertErrno(EBADF, () -> c.read(3, 0, 10));
        assertTrue(c.lopen(3, O_RDONLY).qid().isDirectory(), "fid 3 should open as the directory it still is");
        assertFalse(names(c.readdirAll(3)).contains("new"));
    }

    @Test
    void lcreateFlushedAfterCommitIsAnsweredFirst() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        freshDir(c, 2);
        int pairs = 200;
        List<CompletableFuture<Rmessage>> clones = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            clones.add(c.send(new Tmessage.Twalk(2, 100 + i, List.of())));
        }
        for (CompletableFuture<Rmessage> clone : clones) {
            assertInstanceOf(Rmessage.Rwalk.class, clone.get(10, TimeUnit.SECONDS));
        }
        long answeredBefore = server.stats().flushAnsweredBeforeFlush.get();

        List<CompletableFuture<Rmessage>> flushes = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            c.send(createTag(i), new Tmessage.Tlcreate(100 + i, "n" + i, O_RDWR, 0644, 0));
            LockSupport.parkNanos((i % 20) * 60_000L);
            flushes.add(c.send(createTag(i) + 1, new Tmessage.Tflush(createTag(i))));
        }
        for (CompletableFuture<Rmessage> f : flushes) {
            assertInstanceOf(Rmessage.Rflush.class, f.get(10, TimeUnit.SECONDS));
        }
        Thread.sleep(300);

        c.walk(2, 50);
        c.lopen(50, O_RDONLY);
        Set<String> listed = names(c.readdirAll(50));
        int created = 0;
        for (int i = 0; i < pairs; i++) {
            int t = createTag(i);
            List<Integer> order = typesOn(l.log(), Set.of(t, t + 1));
            int type = c.getattr(100 + i, P9.GETATTR_BASIC).mode() & S_IFMT;
            if (order.equals(List.of(RLCREATE, WireLog.RFLUSH))) {
                created++;
                assertTrue(listed.contains("n" + i), "pair " + i + ": Rlcreate but no file");
                assertEquals(S_IFREG, type, "pair " + i + ": Rlcreate but the fid is not the new file");
            } else if (order.equals(List.of(WireLog.RFLUSH))) {
                assertFalse(listed.contains("n" + i), "pair " + i + ": a file without Rlcreate");
                assertEquals(S_IFDIR, type, "pair " + i + ": dropped lcreate changed the fid");
            } else {
                fail("pair " + i + ": replies in wire order were " + order + " (Rlcreate=15, Rflush=109)");
            }
        }
        System.out.printf("lcreateFlushed: %d of %d answered first (%d flushes found them committed)%n", created,
                pairs, server.stats().flushAnsweredBeforeFlush.get() - answeredBefore);
        assertEquals(created + 2, listed.size(), "entries besides . and .. must be exactly the answered creates");
        assertEquals(0, c.unexpectedReplies());
    }

    @Test
    void unknownOldtagGetsRflushAtOnce() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        freshDir(c, 2);
        long unknown = server.stats().flushUnknownTag.get();
        delay("getattr", DELAY);

        CompletableFuture<Rmessage> getattr = c.send(100, new Tmessage.Tgetattr(2, P9.GETATTR_BASIC));
        long millis = timed(() -> c.flush(777));

        assertTrue(millis < PROMPT_MILLIS, "Rflush for an unknown tag took " + millis + " ms");
        assertFalse(getattr.isDone(), "a flush of another tag must not touch the delayed getattr");
        assertEquals(unknown + 1, server.stats().flushUnknownTag.get());
        assertInstanceOf(Rmessage.Rgetattr.class, getattr.get(10, TimeUnit.SECONDS));
        assertTrue(l.log().indexOf(777, WireLog.RFLUSH) < l.log().indexOf(100, 25));
    }

    @Test
    void flushNamingItsOwnTagIsAnswered() throws Exception {
        Logged l = loggedClient();
        long unknown = server.stats().flushUnknownTag.get();

        Rmessage reply = l.client().send(100, new Tmessage.Tflush(100)).get(PROMPT_MILLIS, TimeUnit.MILLISECONDS);

        assertInstanceOf(Rmessage.Rflush.class, reply);
        assertEquals(1, l.log().onTag(100).size());
        assertEquals(unknown + 1, server.stats().flushUnknownTag.get());
    }

    @Test
    void flushOfAFlushIsAnswered() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        openNewFile(c, 3, "f", bytes("data"));
        delay("read", DELAY);

        CompletableFuture<Rmessage> read = c.send(100, new Tmessage.Tread(3, 0, 10));
        CompletableFuture<Rmessage> inner = c.send(101, new Tmessage.Tflush(100));
        CompletableFuture<Rmessage> outer = c.send(102, new Tmessage.Tflush(101));

        assertInstanceOf(Rmessage.Rflush.class, inner.get(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        assertInstanceOf(Rmessage.Rflush.class, outer.get(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        Thread.sleep(PAST_DELAY.toMillis());
        assertTrue(l.log().indexOf(101, WireLog.RFLUSH) < l.log().indexOf(102, WireLog.RFLUSH),
                "the flush of a flush was answered before the flush it named");
        assertEquals(List.of(), l.log().onTag(100));
        assertEquals(1, l.log().onTag(101).size());
        assertEquals(1, l.log().onTag(102).size());
        assertCancelled(read);
        assertEquals(0, c.unexpectedReplies());
    }

    @Test
    void twoFlushesForOneTagAreBothAnsweredInOrder() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        openNewFile(c, 3, "f", bytes("data"));
        delay("read", DELAY);

        CompletableFuture<Rmessage> read = c.send(100, new Tmessage.Tread(3, 0, 10));
        CompletableFuture<Rmessage> first = c.send(101, new Tmessage.Tflush(100));
        CompletableFuture<Rmessage> second = c.send(102, new Tmessage.Tflush(100));
        assertInstanceOf(Rmessage.Rflush.class, first.get(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        assertInstanceOf(Rmessage.Rflush.class, second.get(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        Thread.sleep(PAST_DELAY.toMillis());
        clearFaults();

        assertEquals(List.of(WireLog.RFLUSH, WireLog.RFLUSH), typesOn(l.log(), Set.of(100, 101, 102)));
        assertTrue(l.log().indexOf(101, WireLog.RFLUSH) < l.log().indexOf(102, WireLog.RFLUSH));
        assertCancelled(read);

        // The same with writes that may commit: any Rwrite precedes both Rflushes, which stay in order.
        for (int i = 0; i < 60; i++) {
            int w = 1000 + 3 * i;
            c.send(w, new Tmessage.Twrite(3, 0, ByteBuffer.wrap(bytes("ab"))));
            LockSupport.parkNanos((i % 15) * 100_000L);
            c.send(w + 1, new Tmessage.Tflush(w));
            c.send(w + 2, new Tmessage.Tflush(w)).get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(300);
        for (int i = 0; i < 60; i++) {
            int w = 1000 + 3 * i;
            List<ClientEvent> replies = l.log().events().stream()
                    .filter(e -> e.tag() >= w && e.tag() <= w + 2).toList();
            List<Integer> tags = replies.stream().map(ClientEvent::tag).toList();
            assertTrue(tags.equals(List.of(w, w + 1, w + 2)) || tags.equals(List.of(w + 1, w + 2)),
                    "round " + i + ": tags in wire order " + tags + " (write " + w + ", flushes after it)");
        }
        assertEquals(0, c.unexpectedReplies());
    }

    @Test
    void noEintrEverOnTheWire() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        List<Tmessage> requests = everyOperation(c);
        List<CompletableFuture<Rmessage>> flushes = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            c.send(100 + i, requests.get(i));
            flushes.add(c.send(300 + i, new Tmessage.Tflush(100 + i)));
        }
        for (CompletableFuture<Rmessage> f : flushes) {
            assertInstanceOf(Rmessage.Rflush.class, f.get(10, TimeUnit.SECONDS));
        }
        Thread.sleep(300);

        assertEquals(List.of(), l.log().errors(EINTR));
        List<ClientEvent> wire = l.log().events();
        for (int i = 0; i < requests.size(); i++) {
            String op = requests.get(i).opName();
            int flushAt = l.log().indexOf(300 + i, WireLog.RFLUSH);
            List<ClientEvent> answers = l.log().onTag(100 + i);
            assertTrue(answers.size() <= 1, op + " was answered twice");
            assertTrue(answers.isEmpty() || wire.indexOf(answers.get(0)) < flushAt, op + " was answered after its Rflush");
        }
        assertEquals(0, c.unexpectedReplies());
    }

    @Test
    void everyOperationFlushedInItsDelayLeavesNoEffect() throws Exception {
        Logged l = loggedClient();
        NinepClient c = l.client();
        List<Tmessage> requests = everyOperation(c);
        Duration delay = Duration.ofSeconds(1);
        delay(requests.stream().map(Tmessage::opName).distinct()
                .collect(Collectors.toMap(op -> op, op -> delay)));
        long dropped = server.stats().flushDropped.get();
        List<CompletableFuture<Rmessage>> flushes = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            c.send(100 + i, requests.get(i));
            flushes.add(c.send(300 + i, new Tmessage.Tflush(100 + i)));
        }
        for (CompletableFuture<Rmessage> f : flushes) {
            assertInstanceOf(Rmessage.Rflush.class, f.get(PROMPT_MILLIS, TimeUnit.MILLISECONDS));
        }
        Thread.sleep(delay.plusMillis(700).toMillis());
        clearFaults();

        for (int i = 0; i < requests.size(); i++) {
            assertEquals(List.of(), l.log().onTag(100 + i), requests.get(i).opName() + " was answered");
        }
        assertEquals(dropped + requests.size(), server.stats().flushDropped.get());
        assertNothingChanged(c);
    }

    /**
     * One request of each kind that has a fid to act on, built on a fresh directory (fid 2): an open file
     * "f" with "data" (fid 3), the open directory (fid 4), walked fids 5 ("f"), 6 (the directory), 7 ("f"),
     * 8 ("gone"), 9 ("f"), 10 ("ln", a symlink), 11 ("r"), and files "ra" and "u".
     */
    private List<Tmessage> everyOperation(NinepClient c) {
        openNewFile(c, 3, "f", bytes("data"));
        c.walk(2, 4);
        c.lopen(4, O_RDONLY);
        c.walk(2, 5, "f");
        c.walk(2, 6);
        c.walk(2, 7, "f");
        for (String name : List.of("gone", "r", "ra", "u")) {
            c.walk(2, 90);
            c.lcreate(90, name, O_RDWR, 0644, 0);
            c.clunk(90);
        }
        c.walk(2, 8, "gone");
        c.walk(2, 9, "f");
        c.symlink(2, "ln", "f", 0);
        c.walk(2, 10, "ln");
        c.walk(2, 11, "r");
        return List.of(
                new Tmessage.Twalk(2, 20, List.of("f")),
                new Tmessage.Tgetattr(3, P9.GETATTR_ALL),
                new Tmessage.Tsetattr(3, 8, 0, 0, 0, 0, 0, 0, 0, 0),
                new Tmessage.Tread(3, 0, 4),
                new Tmessage.Twrite(3, 0, ByteBuffer.wrap(bytes("XXXX"))),
                new Tmessage.Tlopen(5, O_RDONLY),
                new Tmessage.Tlcreate(6, "created", O_RDWR, 0644, 0),
                new Tmessage.Tmkdir(2, "made", 0755, 0),
                new Tmessage.Tsymlink(2, "sl", "f", 0),
                new Tmessage.Tmknod(2, "fifo", 0010644, 0, 0, 0),
                new Tmessage.Treaddir(4, 0, 4096),
                new Tmessage.Tstatfs(2),
                new Tmessage.Tfsync(3, 0),
                new Tmessage.Tlock(3, WRLCK, 0, 0, 10, 1, "flush"),
                new Tmessage.Tgetlock(3, WRLCK, 0, 10, 1, "flush"),
                new Tmessage.Txattrwalk(3, 21, ""),
                new Tmessage.Txattrcreate(9, "user.x", 1, 0),
                new Tmessage.Trename(11, 2, "r2"),
                new Tmessage.Trenameat(2, "ra", 2, "ra2"),
                new Tmessage.Tunlinkat(2, "u", 0),
                new Tmessage.Tlink(2, 3, "hard"),
                new Tmessage.Treadlink(10),
                new Tmessage.Tclunk(7),
                new Tmessage.Tremove(8));
    }

    /** The state {@link #everyOperation} built, untouched by any of its requests. */
    private void assertNothingChanged(NinepClient c) {
        assertErrno(EBADF, () -> c.getattr(20, P9.GETATTR_BASIC));
        assertErrno(EBADF, () -> c.getattr(21, P9.GETATTR_BASIC));
        assertArrayEquals(bytes("data"), c.read(3, 0, 100), "file f changed");
        assertEquals(4, c.getattr(3, P9.GETATTR_BASIC).size());
        assertEquals(S_IFDIR, c.getattr(6, P9.GETATTR_BASIC).mode() & S_IFMT, "fid 6 is no longer the directory");
        assertEquals(S_IFREG, c.getattr(7, P9.GETATTR_BASIC).mode() & S_IFMT, "fid 7 was clunked");
        assertEquals(S_IFREG, c.getattr(8, P9.GETATTR_BASIC).mode() & S_IFMT, "fid 8 was removed");
        assertEquals(UNLCK, c.getlock(3, WRLCK, 0, 10, 2, "other").lockType(), "a lock was taken");
        c.walk(2, 12);
        c.lopen(12, O_RDONLY);
        assertEquals(Set.of(".", "..", "f", "gone", "r", "ra", "u", "ln"), names(c.readdirAll(12)));
        assertFalse(c.lopen(5, O_RDONLY).qid().isDirectory(), "fid 5 should still be a walked fid");
        assertFalse(c.lopen(9, O_RDONLY).qid().isDirectory(), "fid 9 should still be a walked fid");
    }

    private void openNewFile(NinepClient c, int fid, String name, byte[] content) {
        freshDir(c, 2);
        c.walk(2, fid);
        c.lcreate(fid, name, O_RDWR, 0644, 0);
        if (content.length > 0) {
            assertEquals(content.length, c.write(fid, 0, content));
        }
    }

    private static int writeTag(int round) {
        return 1000 + 2 * round;
    }

    private static int createTag(int pair) {
        return 2000 + 2 * pair;
    }

    private static byte[] slot(int i) {
        return bytes(String.format("w%07d", i));
    }

    private static byte[] slice(byte[] file, int from) {
        return from >= file.length ? new byte[8] : Arrays.copyOfRange(file, from, from + 8);
    }

    private static List<Integer> typesOn(WireLog log, Set<Integer> tags) {
        return log.events().stream().filter(e -> tags.contains(e.tag())).map(ClientEvent::type).toList();
    }

    private static Set<String> names(List<Dirent> entries) {
        return entries.stream().map(Dirent::name).collect(Collectors.toSet());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void assertCancelled(CompletableFuture<Rmessage> request) {
        assertThrows(CancellationException.class, () -> request.get(1, TimeUnit.SECONDS),
                "the client should have given the request up at its Rflush");
    }

    private static void assertErrno(int errno, Runnable call) {
        assertEquals(errno, assertThrows(NinepException.class, call::run).errno());
    }
}
