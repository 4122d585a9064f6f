package io.ninep.export.qid;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one export's qid mapping, for {@code GET /admin/exports/{name}/qid-table} and the metrics
 * {@code ninep.qid.table.entries} ({@link #entries}) and {@code ninep.qid.persistence.failures}
 * ({@link #persistenceFailures}).
 *
 * @param location            the table file, empty when the table lives in memory only
 * @param entries             prefix plus full-map entries, what {@code maxEntries} bounds
 * @param fullMapEntries      files given a full-map path this run (pinned ones included)
 * @param pinnedEntries       full-map entries stored in the table because their first hash collided
 * @param lastSave            when this process last wrote the table
 * @param persistenceFailures failed saves, locks or re-reads of the table file
 * @param loadFailures        table files found corrupt or unreadable (each set aside)
 * @param collisionsAvoided   full-map hash collisions resolved by pinning another value
 * @param mergeConflicts      table-file entries that disagreed with this process's and were not adopted
 * @param overflows           files refused with EOVERFLOW because the table was full
 * @param unstableDevices     devices identified only by st_dev (not found in /proc/self/mountinfo)
 * @param foreignDevices      under forbid or warn: other devices met (each logged once)
 */
public record QidTableStatus(String export, MultiDevs mode, Optional<String> location, Persistence persistence,
                             int devices, int prefixEntries, long fullMapEntries, int pinnedEntries, long entries,
                             long maxEntries, Optional<Instant> lastSave, long saves, long persistenceFailures,
                             long loadFailures, long collisionsAvoided, long mergeConflicts, long overflows,
                             long unstableDevices, long foreignDevices, List<Prefix> prefixes) {

    public QidTableStatus {
        prefixes = List.copyOf(prefixes);
    }

    /** Where the table stands with its file. */
    public enum Persistence {
        /** No table: forbid or warn, or {@code qid-table = none}. */
        NONE,
        /** Everything this process mapped is in the file (or nothing needed saving yet). */
        SAVED,
        /** The last save, lock or re-read failed; unsaved entries are retried in the background. */
        FAILING
    }

    /** Files of device {@code device} whose inode bits 48..63 are {@code high} get qid paths {@code prefix}:low48. */
    public record Prefix(String device, int high, int prefix) {
    }
}
