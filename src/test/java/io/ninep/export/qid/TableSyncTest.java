package io.ninep.export.qid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, retrying and adopting a replica's entries, driven tick by tick with a hand-moved clock. */
class TableSyncTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();

    @Test
    void failedSaveIsRetriedAfterItsBackOffAndThenSucceeds() throws Exception {
        Path blocker = dir.resolve("tables");
        Files.writeString(blocker, "a file where the table's directory should be");
        QidTable table = new QidTable();
        TableSync sync = new TableSync("e", table, new TableStore(blocker.resolve("table")), clock);
        sync.commit(disk -> allocate(table, "/a", disk));
        assertEquals(QidTableStatus.Persistence.FAILING, sync.persistence());
        long failures = sync.persistenceFailures();

        Files.delete(blocker);
        sync.tick();
        assertEquals(failures, sync.persistenceFailures(), "no retry before the back-off has passed");
        clock.advance(1_000);
        sync.tick();
        assertEquals(QidTableStatus.Persistence.SAVED, sync.persistence());
        assertEquals(1, new TableStore(blocker.resolve("table")).read().prefixes().size());
    }

    @Test
    void tickAdoptsWhatAReplicaWrote() {
        Path file = dir.resolve("table");
        QidTable mine = new QidTable();
        QidTable theirs = new QidTable();
        TableSync me = new TableSync("e", mine, new TableStore(file), clock);
        TableSync replica = new TableSync("e", theirs, new TableStore(file), clock);
        me.load();
        long prefix = replica.commit(disk -> allocate(theirs, "/new-mount", disk));

        me.tick();
        assertEquals(prefix, mine.prefix(mine.device("/new-mount"), 0));
        assertEquals(0, me.saves(), "adopting needs no save");
    }

    @Test
    void deletedTableIsWrittenBackOnTheNextTick() throws Exception {
        Path file = dir.resolve("table");
        QidTable table = new QidTable();
        TableSync sync = new TableSync("e", table, new TableStore(file), clock);
        sync.commit(disk -> allocate(table, "/a", disk));
        Files.delete(file);
        sync.tick();
        assertTrue(Files.exists(file));
        assertEquals(2, sync.saves());
    }

    private static long allocate(QidTable table, String identity, TableContents disk) {
        int device = table.device(identity);
        int p = table.freePrefix(disk);
        table.putPrefix(device, 0, p);
        return p;
    }

    private static final class ManualClock extends Clock {
        private long millis = 1_000_000;

        void advance(long ms) {
            millis += ms;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
