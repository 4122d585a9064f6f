package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static io.ninep.server.protocol.NinepAssertions.assertRlerror;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.client.NinepException;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Qid;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Twalk (walk(5)): cloning, partial walks, fid moves and the checks on names. */
@QuarkusTest
class WalkTest extends NinepServerTestBase {
    private static final int TWALK = 110;

    @Test
    void walkOfSixteenNamesGivesSixteenQids() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        List<Qid> made = new ArrayList<>();
        String[] names = new String[P9.MAXWELEM];
        for (int i = 0; i < names.length; i++) {
            names[i] = "d" + i;
            made.add(c.mkdir(3, names[i], 0755, 0));
            c.walk(3, 3, names[i]);
        }
        List<Qid> walked = c.walk(2, 4, names);
        assertEquals(P9.MAXWELEM, walked.size());
        for (int i = 0; i < names.length; i++) {
            assertEquals(made.get(i).path(), walked.get(i).path());
            assertTrue(walked.get(i).isDirectory());
        }
        assertEquals(made.get(15).path(), c.getattr(4, P9.GETATTR_BASIC).qid().path());
    }

    @Test
    void walkOfNoNamesClonesTheFid() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        assertTrue(c.walk(2, 3).isEmpty());
        assertEquals(c.getattr(2, P9.GETATTR_BASIC).qid(), c.getattr(3, P9.GETATTR_BASIC).qid());
    }

    @Test
    void cloneOutlivesTheClunkOfItsOriginal() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.clunk(2);
        assertErrno(Errno.EBADF, () -> c.getattr(2, P9.GETATTR_BASIC));
        c.lopen(3, Linux.O_RDONLY);
        assertFalse(c.readdirAll(3).isEmpty());
    }

    @Test
    void originalOutlivesTheClunkOfItsClone() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lopen(3, Linux.O_RDONLY);
        c.clunk(3);
        c.mkdir(2, "still-usable", 0755, 0);
        assertEquals(1, c.walk(2, 4, "still-usable").size());
    }

    @Test
    void dotDotAtTheRootStaysAtTheRoot() throws Exception {
        NinepClient c = attached();
        long root = c.getattr(ROOT, P9.GETATTR_BASIC).qid().path();
        List<Qid> up = c.walk(ROOT, 2, "..", "..");
        assertEquals(root, up.get(0).path());
        assertEquals(root, up.get(1).path());
        assertEquals(root, c.getattr(2, P9.GETATTR_BASIC).qid().path());
    }

    @Test
    void dotDotGoesToTheParent() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        long dir = c.getattr(2, P9.GETATTR_BASIC).qid().path();
        c.mkdir(2, "sub", 0755, 0);
        List<Qid> walked = c.walk(2, 3, "sub", "..");
        assertEquals(dir, walked.get(1).path());
    }

    @Test
    void walkThroughAFileIsAnError() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", new byte[0]);
        assertEquals(1, c.walk(2, 4, "f", "beyond").size());
        assertErrno(Errno.ENOTDIR, () -> c.walk(3, 5, "beyond"));
    }

    @Test
    void missingFirstNameIsEnoent() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        assertErrno(Errno.ENOENT, () -> c.walk(2, 3, "missing"));
        assertErrno(Errno.EBADF, () -> c.getattr(3, P9.GETATTR_BASIC));
    }

    @Test
    void missingSecondNameGivesShortWalk() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid sub = c.mkdir(2, "sub", 0755, 0);
        List<Qid> walked = c.walk(2, 3, "sub", "missing");
        assertEquals(List.of(sub), walked);
    }

    @Test
    void shortWalkLeavesNewfidUnbound() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "sub", 0755, 0);
        c.walk(2, 3, "sub", "missing");
        assertErrno(Errno.EBADF, () -> c.getattr(3, P9.GETATTR_BASIC));
    }

    @Test
    void shortWalkOntoItselfLeavesTheFidWhereItWas() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid dir = c.getattr(2, P9.GETATTR_BASIC).qid();
        c.mkdir(2, "sub", 0755, 0);
        assertEquals(1, c.walk(2, 2, "sub", "missing").size());
        assertEquals(dir.path(), c.getattr(2, P9.GETATTR_BASIC).qid().path());
    }

    @Test
    void walkOntoItselfMovesTheFid() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Qid sub = c.mkdir(2, "sub", 0755, 0);
        c.walk(2, 2, "sub");
        assertEquals(sub.path(), c.getattr(2, P9.GETATTR_BASIC).qid().path());
    }

    @Test
    void newfidInUseFailsAndKeepsItsFile() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        long dir = c.getattr(2, P9.GETATTR_BASIC).qid().path();
        c.mkdir(2, "sub", 0755, 0);
        c.walk(ROOT, 3);
        assertThrows(NinepException.class, () -> c.walk(2, 3, "sub"));
        assertEquals(dir, c.getattr(2, P9.GETATTR_BASIC).qid().path());
        assertEquals(c.getattr(ROOT, P9.GETATTR_BASIC).qid().path(), c.getattr(3, P9.GETATTR_BASIC).qid().path());
    }

    @Test
    void emptyNameIsEinval() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        assertErrno(Errno.EINVAL, () -> c.walk(2, 3, ""));
    }

    @Test
    void nameWithSlashIsEinval() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.mkdir(2, "a", 0755, 0);
        c.walk(2, 3, "a");
        c.mkdir(3, "b", 0755, 0);
        assertErrno(Errno.EINVAL, () -> c.walk(2, 4, "a/b"));
    }

    @Test
    void seventeenNamesAreRefusedAndTheConnectionLives() throws Exception {
        NinepClient c = attached();
        int tag = 40;
        RawFrame walk = RawFrame.of(TWALK, tag).u32(ROOT).u32(2).u16(P9.MAXWELEM + 1);
        for (int i = 0; i <= P9.MAXWELEM; i++) {
            walk.str(".");
        }
        assertRlerror(Errno.EPROTO, c.sendRaw(tag, walk.bytes()));
        assertErrno(Errno.EBADF, () -> c.getattr(2, P9.GETATTR_BASIC));
        assertTrue(c.getattr(ROOT, P9.GETATTR_BASIC).qid().isDirectory());
    }
}
