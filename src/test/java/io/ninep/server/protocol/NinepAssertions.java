package io.ninep.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.ninep.client.NinepException;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.function.Executable;

/** Assertions on 9P outcomes: Rlerror numbers, raw replies, and conditions reached asynchronously. */
final class NinepAssertions {
    private static final Duration REPLY_WAIT = Duration.ofSeconds(10);

    private NinepAssertions() {
    }

    /** The call must fail with Rlerror {@code expected}. */
    static NinepException assertErrno(Errno expected, Executable call) {
        NinepException e = assertThrows(NinepException.class, call);
        assertEquals(expected.number(), e.errno(), () -> "expected " + expected + " but got " + e.getMessage());
        return e;
    }

    /** The raw reply must be an Rlerror carrying {@code expected}. */
    static void assertRlerror(Errno expected, CompletableFuture<Rmessage> reply) throws Exception {
        Rmessage r = reply.get(REPLY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!(r instanceof Rmessage.Rlerror error)) {
            fail("expected Rlerror " + expected + " but got " + r);
            return;
        }
        assertEquals(expected.number(), error.ecode(), () -> "expected " + expected + ", got errno " + error.ecode());
    }

    /**
     * Polls until {@code condition} holds: fid resources are freed on a worker after clunk or disconnect,
     * so their effects are visible only eventually.
     */
    static void assertEventually(Duration within, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " did not happen within " + within);
            }
            Thread.sleep(20);
        }
    }
}
