package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-connection fid limit (ninep.max-fids): EMFILE beyond it, and the connection carries on. */
@QuarkusTest
@TestProfile(FidLimitTest.SixteenFids.class)
class FidLimitTest extends NinepServerTestBase {
    private static final int LIMIT = 16;

    public static final class SixteenFids implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ninep.max-fids", String.valueOf(LIMIT));
        }
    }

    /** The root fid plus clones up to the limit: fids 1..16. */
    private NinepClient full() throws Exception {
        NinepClient c = attached();
        for (int fid = 2; fid <= LIMIT; fid++) {
            c.walk(ROOT, fid);
        }
        return c;
    }

    @Test
    void walkBeyondTheLimitIsEmfile() throws Exception {
        NinepClient c = full();
        assertErrno(Errno.EMFILE, () -> c.walk(ROOT, LIMIT + 1));
    }

    @Test
    void attachBeyondTheLimitIsEmfile() throws Exception {
        NinepClient c = full();
        assertErrno(Errno.EMFILE, () -> c.attach(LIMIT + 1, P9.NOFID, "root", "", 0));
    }

    @Test
    void connectionStaysUsableAtTheLimit() throws Exception {
        NinepClient c = full();
        assertErrno(Errno.EMFILE, () -> c.walk(ROOT, LIMIT + 1));
        assertTrue(c.getattr(LIMIT, P9.GETATTR_BASIC).qid().isDirectory());
        c.walk(LIMIT, LIMIT, "..");
        c.clunk(LIMIT);
        assertEquals(0, c.walk(ROOT, LIMIT + 1).size());
    }

    @Test
    void theLimitIsPerConnection() throws Exception {
        full();
        NinepClient second = attached();
        assertEquals(0, second.walk(ROOT, 2).size());
    }
}
