package io.ninep.server.lock;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which files a holder (a fid key, or a connection id) has locks on, so that a clunk or a disconnect visits
 * only those files instead of the whole table. A holder's entry disappears with its last file, so the index
 * never outgrows the table.
 *
 * <p>The map's per-key locking (compute) makes "create the set" and "drop the emptied set" atomic against a
 * concurrent add for the same holder. The sets are concurrent so {@link #filesOf} may read them outside it.
 */
final class HolderIndex {
    private final ConcurrentHashMap<Long, Set<FileKey>> files = new ConcurrentHashMap<>();

    /** Records that the holders of {@code file} changed from {@code before} to {@code after}. */
    void update(FileKey file, Set<Long> before, Set<Long> after) {
        for (Long holder : after) {
            if (!before.contains(holder)) {
                files.compute(holder, (key, set) -> {
                    Set<FileKey> next = set == null ? ConcurrentHashMap.newKeySet() : set;
                    next.add(file);
                    return next;
                });
            }
        }
        for (Long holder : before) {
            if (!after.contains(holder)) {
                files.computeIfPresent(holder, (key, set) -> {
                    set.remove(file);
                    return set.isEmpty() ? null : set;
                });
            }
        }
    }

    List<FileKey> filesOf(long holder) {
        Set<FileKey> set = files.get(holder);
        return set == null ? List.of() : List.copyOf(set);
    }

    int holders() {
        return files.size();
    }
}
