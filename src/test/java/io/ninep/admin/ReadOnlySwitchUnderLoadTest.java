package io.ninep.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.export.ExportRegistry;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.server.ControlPlane;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LESSONS.md §2 through the admin API: flipping an export to read-only while clients stream pipelined writes
 * drops nothing and mixes nothing. Each connection's requests capture its policies in arrival order, so per
 * connection the answers are a run of successes followed by a run of EROFS, and the switch is complete when
 * the PUT returns: nothing sent after that succeeds.
 */
@QuarkusTest
@TestProfile(AdminTokenProfile.class)
class ReadOnlySwitchUnderLoadTest extends NinepServerTestBase {
    private static final int WRITERS = 4;
    private static final int OUTSTANDING = 8;
    private static final int CHUNK = 64;
    private static final int FILE = 3;

    @Inject
    ControlPlane controlPlane;
    @Inject
    ExportRegistry exports;

    @AfterEach
    void backToReadWrite() throws Exception {
        controlPlane.update(exports.byName("default").orElseThrow(), p -> p.withReadOnly(false))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void streamedWritesEachSucceedBeforeTheSwitchOrFailWithErofsAndNoneIsLost() throws Exception {
        List<NinepClient> clients = new ArrayList<>();
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            NinepClient c = attached();
            freshDir(c, 2);
            c.walk(2, FILE);
            c.lcreate(FILE, "stream", 2, 0644, 0);
            clients.add(c);
            writers.add(new Writer(i, c));
        }
        writers.forEach(Writer::start);
        Thread.sleep(300);

        setMode("read-only");
        long switched = System.nanoTime();
        Thread.sleep(300);
        for (Writer w : writers) {
            w.stopAndJoin();
        }

        for (Writer w : writers) {
            w.checkOrderedAround(switched);
            w.checkSuccessfulDataLanded();
        }

        for (NinepClient c : clients) {
            for (int i = 0; i < 20; i++) {
                NinepException e = assertThrows(NinepException.class, () -> c.write(FILE, 0, new byte[CHUNK]));
                assertEquals(Errno.EROFS.number(), e.errno());
            }
        }
        NinepClient late = attached();
        late.walk(ROOT, 2);
        NinepException refused = assertThrows(NinepException.class, () -> late.mkdir(2, "late", 0755, 0));
        assertEquals(Errno.EROFS.number(), refused.errno(), "a connection accepted after the switch inherits it");

        setMode("read-write");
        for (NinepClient c : clients) {
            assertEquals(CHUNK, c.write(FILE, 0, new byte[CHUNK]));
        }
    }

    private static void setMode(String mode) {
        given().auth().oauth2(AdminTokenProfile.TOKEN).contentType(ContentType.JSON)
                .body("{\"mode\":\"" + mode + "\"}").put("/admin/exports/default/mode")
                .then().statusCode(200).body("readOnly", equalTo(mode.equals("read-only")));
    }

    /** Keeps {@link #OUTSTANDING} writes in flight on one connection, each to its own offset. */
    private static final class Writer extends Thread {
        private final NinepClient client;
        private final int index;
        private final Semaphore window = new Semaphore(OUTSTANDING);
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

        Writer(int index, NinepClient client) {
            super("writer-" + index);
            this.index = index;
            this.client = client;
        }

        @Override
        public void run() {
            for (long seq = 0; !stop.get(); seq++) {
                try {
                    if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                long sentAt = System.nanoTime();
                CompletableFuture<Rmessage> reply = client.send(
                        new Tmessage.Twrite(FILE, seq * CHUNK, ByteBuffer.wrap(pattern(index, seq))));
                sent.add(new Sent(seq, sentAt, reply));
                reply.whenComplete((r, t) -> window.release());
            }
        }

        void stopAndJoin() throws InterruptedException {
            stop.set(true);
            join(10_000);
            assertFalse(isAlive(), getName() + " stopped");
        }

        /** Every write answered; successes all precede EROFS answers, and none was sent after the switch. */
        void checkOrderedAround(long switched) throws Exception {
            boolean refusedSeen = false;
            int ok = 0;
            int refused = 0;
            for (Sent s : sent) {
                Rmessage r;
                try {
                    r = s.reply.get(20, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError(getName() + ": write " + s.seq + " was never answered");
                }
                if (r instanceof Rmessage.Rwrite w) {
                    assertEquals(CHUNK, w.count());
                    assertFalse(refusedSeen, getName() + ": write " + s.seq + " succeeded after an EROFS");
                    assertTrue(s.sentAt < switched, getName() + ": write " + s.seq + " sent after the switch "
                            + "completed, yet it succeeded");
                    ok++;
                } else if (r instanceof Rmessage.Rlerror e && e.ecode() == Errno.EROFS.number()) {
                    refusedSeen = true;
                    refused++;
                } else {
                    fail(getName() + ": write " + s.seq + " answered " + r);
                }
            }
            assertTrue(ok > 0 && refused > 0, getName() + " streamed across the switch: " + ok + " ok, "
                    + refused + " EROFS");
        }

        void checkSuccessfulDataLanded() {
            byte[] file = client.readAll(FILE);
            for (Sent s : sent) {
                if (s.reply.join() instanceof Rmessage.Rwrite) {
                    int at = (int) (s.seq * CHUNK);
                    assertTrue(file.length >= at + CHUNK, getName() + ": write " + s.seq + " is in the file");
                    assertArrayEquals(pattern(index, s.seq), Arrays.copyOfRange(file, at, at + CHUNK),
                            getName() + ": data of write " + s.seq);
                }
            }
        }

        private static byte[] pattern(int writer, long seq) {
            byte[] b = new byte[CHUNK];
            Arrays.fill(b, (byte) (writer * 31 + seq));
            ByteBuffer.wrap(b).putLong(seq).putInt(writer);
            return b;
        }
    }

    private record Sent(long seq, long sentAt, CompletableFuture<Rmessage> reply) {
    }
}
