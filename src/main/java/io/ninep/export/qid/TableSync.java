package io.ninep.export.qid;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.jboss.logging.Logger;

/**
 * Keeps one {@link QidTable} and its file in step, the file possibly shared with replicas. Every change goes
 * through {@link #commit}: under the file lock, re-read the file and adopt what others added (merge), apply the
 * change against that fresh view, and write the result before the lock is released. So a prefix or pin is in the
 * shared file before any client sees it, and two replicas can never hand out one value for two keys.
 *
 * <p>When the file cannot be locked, read or written, the change is made in memory only (this process stays
 * collision-free), counted, and the file is brought up to date by {@link #tick} with a growing back-off (1 s to
 * 60 s). Meanwhile a replica may assign the same value elsewhere; the merge then keeps each process's own
 * mapping and the file's version on disk, and counts a conflict. A corrupt file is set aside and replaced by a
 * fresh one. A file that cannot be read is never overwritten.
 *
 * <p>Not thread-safe: the caller holds the mapper's lock for every call.
 */
final class TableSync {
    private static final Logger LOG = Logger.getLogger(TableSync.class);
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    private final String export;
    private final QidTable table;
    private final TableStore store;
    private final Clock clock;
    private boolean behind;
    private int failuresInRow;
    private long retryAtMillis;
    private TableStore.Stamp lastSeen;
    private Instant lastSave;
    private long saves;
    private long persistenceFailures;
    private long loadFailures;
    private long mergeConflicts;

    /** @param store the table file, or null to keep the table in memory only */
    TableSync(String export, QidTable table, TableStore store, Clock clock) {
        this.export = export;
        this.table = table;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Startup: adopts the file's entries. Reading needs no lock (saves are atomic renames), so a server whose
     * table is absent creates nothing; only a corrupt table takes the lock, to set it aside.
     */
    void load() {
        if (store == null) {
            return;
        }
        try {
            TableContents disk = store.read();
            lastSeen = store.stamp();
            mergeConflicts += table.merge(disk);
        } catch (TableFormatException e) {
            commit(disk -> 0);
        } catch (IOException e) {
            loadFailures++;
            failed("cannot read", e);
        }
    }

    /**
     * Applies {@code change} (which mutates the table and returns a result) with the file locked and freshly
     * merged; {@code change} gets the file's contents, whose values it must not reuse.
     */
    long commit(ToLongFunction<TableContents> change) {
        if (store == null) {
            return change.applyAsLong(TableContents.EMPTY);
        }
        try (TableStore.Held held = store.lock()) {
            TableContents disk = reload();
            long result = change.applyAsLong(disk);
            saveIfBehind(disk);
            return result;
        } catch (IOException e) {
            failed("cannot lock or read", e);
            return changeInMemory(change);
        }
    }

    /**
     * Background work, once a second: after a failure, retry when the back-off allows (saving what is unsaved);
     * otherwise adopt what a replica wrote, if the file changed since we last read or wrote it.
     */
    void tick() {
        if (store == null || (failuresInRow > 0 && clock.millis() < retryAtMillis)) {
            return;
        }
        if (behind || failuresInRow > 0) {
            commit(disk -> 0);
            return;
        }
        try {
            if (!Objects.equals(store.stamp(), lastSeen)) {
                commit(disk -> 0);
            }
        } catch (IOException e) {
            failed("cannot examine", e);
        }
    }

    QidTableStatus.Persistence persistence() {
        if (store == null) {
            return QidTableStatus.Persistence.NONE;
        }
        return behind || failuresInRow > 0 ? QidTableStatus.Persistence.FAILING : QidTableStatus.Persistence.SAVED;
    }

    Optional<Path> location() {
        return store == null ? Optional.empty() : Optional.of(store.location());
    }

    Optional<Instant> lastSave() {
        return Optional.ofNullable(lastSave);
    }

    long saves() {
        return saves;
    }

    long persistenceFailures() {
        return persistenceFailures;
    }

    long loadFailures() {
        return loadFailures;
    }

    long mergeConflicts() {
        return mergeConflicts;
    }

    /** Reads the file under the lock and merges it; a corrupt file is set aside and counts as empty. */
    private TableContents reload() throws IOException {
        TableContents disk;
        try {
            disk = store.read();
        } catch (TableFormatException e) {
            loadFailures++;
            Path aside = store.setAside();
            LOG.errorf("export %s: qid table %s is corrupt (%s); set aside as %s and started afresh: files on "
                    + "other devices than the export root's may get new qid paths", export, store.location(),
                    e.getMessage(), aside.getFileName());
            disk = TableContents.EMPTY;
        } catch (IOException e) {
            loadFailures++;
            throw e;
        }
        lastSeen = store.stamp();
        int conflicts = table.merge(disk);
        if (conflicts > 0) {
            mergeConflicts += conflicts;
            LOG.warnf("export %s: %d entries of qid table %s disagree with this server's; each side keeps its own",
                    export, conflicts, store.location());
        }
        return disk;
    }

    /** Writes the table when it holds entries the file lacks (new ones, or ones a failed save left behind). */
    private void saveIfBehind(TableContents disk) {
        TableContents next = table.contentsOver(disk, clock.millis());
        if (next.prefixes().size() == disk.prefixes().size() && next.pins().size() == disk.pins().size()) {
            behind = false;
            recovered();
            return;
        }
        try {
            store.write(next);
            lastSeen = store.stamp();
            lastSave = clock.instant();
            saves++;
            behind = false;
            recovered();
        } catch (IOException | RuntimeException e) {
            behind = true;
            failed("cannot save", e);
        }
    }

    /** Without the lock only a read is safe: adopt the file's entries if it is readable, change in memory. */
    private long changeInMemory(ToLongFunction<TableContents> change) {
        TableContents disk = TableContents.EMPTY;
        try {
            disk = store.read();
            mergeConflicts += table.merge(disk);
        } catch (IOException | TableFormatException e) {
            LOG.debugf(e, "export %s: qid table unreadable without its lock", export);
        }
        long before = table.changes();
        long result = change.applyAsLong(disk);
        if (table.changes() != before) {
            behind = true;
        }
        return result;
    }

    private void failed(String what, Exception e) {
        persistenceFailures++;
        failuresInRow++;
        retryAtMillis = clock.millis() + Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(failuresInRow - 1, 6));
        if (failuresInRow == 1) {
            LOG.warnf("export %s: %s qid table %s: %s; mappings are kept in memory and saved when it works again",
                    export, what, store.location(), e.toString());
        } else {
            LOG.debugf("export %s: %s qid table again: %s", export, what, e);
        }
    }

    private void recovered() {
        if (failuresInRow > 0) {
            LOG.infof("export %s: qid table %s is in step again", export, store.location());
            failuresInRow = 0;
        }
    }
}
