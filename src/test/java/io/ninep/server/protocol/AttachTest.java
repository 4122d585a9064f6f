package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Qid;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Tattach and Tauth: binding a fid to an export's root, with no authentication configured. */
@QuarkusTest
class AttachTest extends NinepServerTestBase {

    @Test
    void attachGivesADirectoryQid() throws Exception {
        NinepClient c = connect();
        Qid root = c.attach(ROOT, P9.NOFID, "root", "", 0);
        assertTrue(root.isDirectory());
        assertEquals(Qid.DIR, root.type());
    }

    @Test
    void attachByExportNameReachesThatExport() throws Exception {
        NinepClient byDefault = attached();
        String dir = freshDir(byDefault, 2);
        NinepClient byName = connect();
        Qid root = byName.attach(ROOT, P9.NOFID, "root", "default", 0);
        assertEquals(byDefault.getattr(ROOT, P9.GETATTR_BASIC).qid().path(), root.path());
        assertEquals(byDefault.getattr(2, P9.GETATTR_BASIC).qid().path(), byName.walk(ROOT, 2, dir).get(0).path());
    }

    @Test
    void unknownAnameIsEnoent() throws Exception {
        NinepClient c = connect();
        assertErrno(Errno.ENOENT, () -> c.attach(ROOT, P9.NOFID, "root", "no-such-export", 0));
    }

    @Test
    void attachOnAFidInUseFails() throws Exception {
        NinepClient c = attached();
        assertThrows(NinepException.class, () -> c.attach(ROOT, P9.NOFID, "root", "", 0));
        assertTrue(c.getattr(ROOT, P9.GETATTR_BASIC).qid().isDirectory());
    }

    @Test
    void authIsEnoentWithoutAuthentication() throws Exception {
        NinepClient c = connect();
        assertErrno(Errno.ENOENT, () -> c.auth(7, "root", "", 0));
    }

    @Test
    void nUnameOwnsWhatTheUserCreates() throws Exception {
        NinepClient setup = attached();
        String dir = freshDir(setup, 2);
        NinepClient user = connect();
        user.attach(ROOT, P9.NOFID, "someone", "", 1000);
        user.walk(ROOT, 2, dir);
        FileOps.createFile(user, 2, 3, "mine", new byte[0]);
        assertEquals(1000, user.getattr(3, P9.GETATTR_BASIC).uid());
    }
}
