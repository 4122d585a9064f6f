package io.ninep.server.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Drives the table with seeded random requests over a small file and compares it, after every step, with a
 * reference model that records for each byte and owner the lock type and the fid it was taken through.
 * Byte {@link #BYTES} stands for every offset from there to the end: requests never end inside that tail.
 */
class LockTableModelTest {
    private static final int BYTES = 24;
    private static final int CELLS = BYTES + 1;
    private static final FileKey FILE = new FileKey(7, 7);
    /** Owners 0 and 2 share client_id and proc_id but not the connection; owners 0 and 1 share fids. */
    private static final LockOwner[] OWNERS = {
        new LockOwner(1, "host", 1), new LockOwner(1, "host", 2), new LockOwner(2, "host", 1),
    };
    private static final long[][] FIDS_BY_CONNECTION = {{}, {101, 102, 103}, {201, 202}};

    /** Per owner, per byte: the lock type held (null for none) and the fid it came through. */
    private final LockType[][] types = new LockType[OWNERS.length][CELLS];
    private final long[][] fids = new long[OWNERS.length][CELLS];

    @Test
    void tableAgreesWithPerByteModelOverRandomRequests() {
        for (long seed = 1; seed <= 40; seed++) {
            run(seed, 1500);
        }
    }

    private void run(long seed, int steps) {
        for (LockType[] row : types) {
            Arrays.fill(row, null);
        }
        LockTable table = new LockTable();
        Random random = new Random(seed);
        for (int step = 0; step < steps; step++) {
            String where = "seed " + seed + " step " + step;
            int choice = random.nextInt(100);
            int o = random.nextInt(OWNERS.length);
            if (choice < 70) {
                LockType type = LockType.values()[random.nextInt(3)];
                int start = random.nextInt(BYTES);
                int length = random.nextInt(BYTES - start + 1);
                long[] connectionFids = FIDS_BY_CONNECTION[(int) OWNERS[o].connectionId()];
                long fid = connectionFids[random.nextInt(connectionFids.length)];
                LockStatus expected = modelLock(o, type, start, length, fid);
                assertEquals(expected, table.lock(FILE, OWNERS[o], type, start, length, fid), where);
            } else if (choice < 85) {
                LockType type = LockType.values()[random.nextInt(3)];
                int start = random.nextInt(BYTES);
                int length = random.nextInt(BYTES - start + 1);
                checkTest(table.test(FILE, OWNERS[o], type, start, length), o, type, start, length, where);
            } else if (choice < 97) {
                int connection = 1 + random.nextInt(2);
                long[] connectionFids = FIDS_BY_CONNECTION[connection];
                long fid = connectionFids[random.nextInt(connectionFids.length)];
                modelReleaseFid(fid);
                table.releaseFid(fid);
            } else {
                int connection = 1 + random.nextInt(2);
                modelReleaseConnection(connection);
                table.releaseConnection(connection);
            }
            compare(table, where);
        }
    }

    private static int endCell(int start, int length) {
        return length == 0 ? BYTES : start + length - 1;
    }

    private LockStatus modelLock(int o, LockType type, int start, int length, long fid) {
        int end = endCell(start, length);
        if (type != LockType.UNLOCK) {
            for (int other = 0; other < OWNERS.length; other++) {
                for (int b = start; other != o && b <= end; b++) {
                    if (types[other][b] != null && (type == LockType.WRITE || types[other][b] == LockType.WRITE)) {
                        return LockStatus.BLOCKED;
                    }
                }
            }
        }
        for (int b = start; b <= end; b++) {
            types[o][b] = type == LockType.UNLOCK ? null : type;
            fids[o][b] = fid;
        }
        return LockStatus.SUCCESS;
    }

    private void modelReleaseFid(long fid) {
        for (int o = 0; o < OWNERS.length; o++) {
            for (int b = 0; b < CELLS; b++) {
                if (types[o][b] != null && fids[o][b] == fid) {
                    types[o][b] = null;
                }
            }
        }
    }

    private void modelReleaseConnection(long connection) {
        for (int o = 0; o < OWNERS.length; o++) {
            if (OWNERS[o].connectionId() == connection) {
                Arrays.fill(types[o], null);
            }
        }
    }

    private boolean conflicts(int other, int b, LockType probe) {
        return types[other][b] != null && (probe != LockType.READ || types[other][b] == LockType.WRITE);
    }

    private void checkTest(Optional<LockRange> answer, int o, LockType type, int start, int length, String where) {
        int end = endCell(start, length);
        int lowest = -1;
        for (int other = 0; other < OWNERS.length; other++) {
            for (int b = start; other != o && b <= end; b++) {
                if (conflicts(other, b, type) && (lowest < 0 || b < lowest)) {
                    lowest = b;
                }
            }
        }
        if (lowest < 0) {
            assertTrue(answer.isEmpty(), where + ": no conflict expected, got " + answer);
            return;
        }
        assertTrue(answer.isPresent(), where + ": conflict at byte " + lowest + " expected");
        LockRange found = answer.get();
        int holder = List.of(OWNERS).indexOf(found.owner());
        assertTrue(holder >= 0 && holder != o, where + ": answer names a foreign or own owner: " + found);
        assertTrue(found.start() <= lowest, where + ": not the lowest conflicting lock: " + found);
        assertTrue(found.start() <= end && start <= found.end(), where + ": answer misses the range: " + found);
        for (long b = found.start(); b <= Math.min(found.end(), BYTES); b++) {
            assertEquals(found.type(), types[holder][(int) b], where + ": answer not held at byte " + b);
        }
    }

    private void compare(LockTable table, String where) {
        LockType[][] seen = new LockType[OWNERS.length][CELLS];
        for (LockRange range : table.locks(FILE)) {
            int o = List.of(OWNERS).indexOf(range.owner());
            assertTrue(range.end() == Long.MAX_VALUE || range.end() < BYTES, where + ": stray end " + range);
            for (long b = range.start(); b <= Math.min(range.end(), BYTES); b++) {
                assertNull(seen[o][(int) b], where + ": one owner's ranges overlap at byte " + b);
                seen[o][(int) b] = range.type();
            }
        }
        for (int o = 0; o < OWNERS.length; o++) {
            for (int b = 0; b < CELLS; b++) {
                assertEquals(types[o][b], seen[o][b], where + ": owner " + o + " byte " + b);
            }
        }
        assertEquals(expectedRuns(), table.size(), where + ": ranges not merged exactly per type and fid");
        if (table.size() == 0) {
            assertTrue(table.snapshot().isEmpty(), where);
            assertEquals(0, table.indexedHolders(), where);
        } else {
            assertNotNull(table.snapshot().get(FILE), where);
        }
    }

    /** Maximal runs of equal (type, fid) per owner: the entries a fully merging table must hold. */
    private int expectedRuns() {
        int runs = 0;
        for (int o = 0; o < OWNERS.length; o++) {
            for (int b = 0; b < CELLS; b++) {
                boolean continues = b > 0 && types[o][b - 1] == types[o][b] && fids[o][b - 1] == fids[o][b];
                if (types[o][b] != null && !continues) {
                    runs++;
                }
            }
        }
        return runs;
    }
}
