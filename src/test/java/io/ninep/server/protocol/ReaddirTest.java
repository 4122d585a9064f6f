package io.ninep.server.protocol;

import static io.ninep.server.protocol.NinepAssertions.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.posix.Errno;
import io.ninep.protocol.Dirent;
import io.ninep.protocol.P9;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Treaddir: whole entries, "." and "..", offsets as cookies that survive reopen, an empty reply at the end. */
@QuarkusTest
class ReaddirTest extends NinepServerTestBase {
    private static final int ENTRIES = 100;
    /** Room for three entries named like ours (24 bytes + name each), so listing takes many calls. */
    private static final int SMALL_COUNT = 3 * (24 + "entry-000".length());

    /** Fills dir fid 2 with {@link #ENTRIES} files; returns every name readdir must show. */
    private static Set<String> populate(NinepClient c) {
        Set<String> names = new HashSet<>(List.of(".", ".."));
        for (int i = 0; i < ENTRIES; i++) {
            String name = String.format("entry-%03d", i);
            FileOps.createFile(c, 2, 9, name, new byte[0]);
            c.clunk(9);
            names.add(name);
        }
        return names;
    }

    /** Opens the directory at fid 2 under {@code fid}. */
    private static void openDir(NinepClient c, int fid) {
        c.walk(2, fid);
        c.lopen(fid, Linux.O_RDONLY);
    }

    /** Reads from {@code offset} in calls of {@code count} until the empty reply; checks each reply fits. */
    private static List<Dirent> readInCalls(NinepClient c, int fid, long offset, int count) {
        List<Dirent> all = new ArrayList<>();
        while (true) {
            List<Dirent> reply = c.readdir(fid, offset, count);
            if (reply.isEmpty()) {
                return all;
            }
            assertTrue(reply.stream().mapToInt(Dirent::wireSize).sum() <= count, "reply larger than count");
            all.addAll(reply);
            offset = reply.get(reply.size() - 1).offset();
        }
    }

    private static List<String> names(List<Dirent> entries) {
        return entries.stream().map(Dirent::name).toList();
    }

    @Test
    void oneCallListsEveryEntryWithDotAndDotDot() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Set<String> expected = populate(c);
        openDir(c, 3);
        List<Dirent> entries = c.readdir(3, 0, MSIZE - P9.IOHDRSZ);
        assertEquals(ENTRIES + 2, entries.size());
        assertEquals(expected, new HashSet<>(names(entries)));
    }

    @Test
    void smallCountsResumingFromTheLastOffsetGiveTheSameNames() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        populate(c);
        openDir(c, 3);
        List<String> inOneCall = names(c.readdir(3, 0, MSIZE - P9.IOHDRSZ));
        List<Dirent> inCalls = readInCalls(c, 3, 0, SMALL_COUNT);
        assertEquals(inOneCall, names(inCalls));
    }

    @Test
    void entriesAreNeverSplitAcrossReplies() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        Set<String> expected = populate(c);
        openDir(c, 3);
        // One byte short of two of our entries: every reply holds exactly one of them (the order is the
        // backend's, so "." or ".." may share a reply with one).
        int count = 2 * (24 + "entry-000".length()) - 1;
        List<Dirent> all = new ArrayList<>();
        long offset = 0;
        for (List<Dirent> reply = c.readdir(3, offset, count); !reply.isEmpty();
             reply = c.readdir(3, offset, count)) {
            assertTrue(reply.stream().mapToInt(Dirent::wireSize).sum() <= count, "reply larger than count");
            assertTrue(reply.stream().filter(d -> d.name().startsWith("entry-")).count() <= 1,
                    "a reply with room for one entry and a part of another");
            all.addAll(reply);
            offset = reply.get(reply.size() - 1).offset();
        }
        assertEquals(expected, new HashSet<>(names(all)));
        assertEquals(expected.size(), all.size());
    }

    @Test
    void offsetsStayValidAfterReopen() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        populate(c);
        openDir(c, 3);
        List<String> full = names(c.readdir(3, 0, MSIZE - P9.IOHDRSZ));
        List<Dirent> firstCalls = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long from = firstCalls.isEmpty() ? 0 : firstCalls.get(firstCalls.size() - 1).offset();
            firstCalls.addAll(c.readdir(3, from, SMALL_COUNT));
        }
        long saved = firstCalls.get(firstCalls.size() - 1).offset();
        c.clunk(3);
        openDir(c, 4);
        List<String> rest = names(readInCalls(c, 4, saved, SMALL_COUNT));
        List<String> joined = new ArrayList<>(names(firstCalls));
        joined.addAll(rest);
        assertEquals(full, joined);
    }

    @Test
    void offsetSurvivesRemovalOfAnEntryAlreadyListed() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        populate(c);
        openDir(c, 3);
        List<String> full = names(c.readdir(3, 0, MSIZE - P9.IOHDRSZ));
        List<Dirent> first = c.readdir(3, 0, SMALL_COUNT);
        String gone = first.get(first.size() - 1).name();
        c.unlinkat(2, gone, 0);
        List<String> rest = names(readInCalls(c, 3, first.get(first.size() - 1).offset(), SMALL_COUNT));
        assertEquals(full.subList(first.size(), full.size()), rest);
    }

    @Test
    void theEndIsAnEmptyReplyEveryTime() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        populate(c);
        openDir(c, 3);
        List<Dirent> all = c.readdir(3, 0, MSIZE - P9.IOHDRSZ);
        long end = all.get(all.size() - 1).offset();
        assertTrue(c.readdir(3, end, MSIZE - P9.IOHDRSZ).isEmpty());
        assertTrue(c.readdir(3, end, MSIZE - P9.IOHDRSZ).isEmpty());
    }

    @Test
    void emptyDirectoryListsOnlyDotAndDotDot() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        openDir(c, 3);
        assertEquals(List.of(".", ".."), names(c.readdirAll(3)));
    }

    /** opendir(3) as the Linux client forwards it. */
    @Test
    void lopenTakesTheFlagsOpendirSends() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lopen(3, Linux.O_RDONLY | Linux.O_NONBLOCK | Linux.O_LARGEFILE | Linux.O_DIRECTORY | Linux.O_CLOEXEC);
        assertEquals(List.of(".", ".."), names(c.readdirAll(3)));
    }

    @Test
    void lopenWithODirectoryOfAFileIsEnotdir() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        FileOps.createFile(c, 2, 3, "f", new byte[0]);
        c.walk(2, 4, "f");
        assertErrno(Errno.ENOTDIR, () -> c.lopen(4, Linux.O_RDONLY | Linux.O_DIRECTORY));
    }
}
