package io.ninep.export.qid;

import java.util.List;

/**
 * What the table file holds: device identities, prefix entries and pinned full-map entries. Device numbers in the
 * entries index {@code devices} of this file only; replicas merge by identity string, never by index.
 *
 * @param generation    incremented by every save, whoever makes it (diagnostics)
 * @param savedAtMillis when the file was written
 */
record TableContents(long generation, long savedAtMillis, List<String> devices, List<PrefixEntry> prefixes,
                     List<PinEntry> pins) {
    static final TableContents EMPTY = new TableContents(0, 0, List.of(), List.of(), List.of());

    TableContents {
        devices = List.copyOf(devices);
        prefixes = List.copyOf(prefixes);
        pins = List.copyOf(pins);
    }

    /** Files of {@code devices[device]} whose inode bits 48..63 are {@code high} get {@code prefix}. */
    record PrefixEntry(int device, int high, int prefix) {
    }

    /** The file ({@code devices[device]}, {@code inode}) has full-map value {@code path}, not its first hash. */
    record PinEntry(int device, long inode, long path) {
    }
}
