package io.ninep.server.lock;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The locks held on one file, ordered by start. Immutable: a change builds a new value, so a reader (Tgetlock,
 * the admin snapshot) can use whatever value it finds without taking a lock.
 *
 * <p>Invariant: one owner's entries never overlap, and its entries of the same type taken through the same fid
 * are never adjacent (they are merged). Entries of different owners overlap freely (shared read locks).
 *
 * <p>Fid provenance: each byte an owner holds is attributed to the fid of the request that last set it. A
 * request replaces the owner's locks in its range whichever fid took them (POSIX: the process owns the lock,
 * not the descriptor), and merging requires the same fid, so pieces taken through different fids stay separate
 * entries. Clunking a fid then releases exactly the bytes last locked through it; one merged range carrying a
 * set of fids could not tell which of its bytes to drop.
 */
final class FileLocks {
    static final FileLocks EMPTY = new FileLocks(List.of());

    private static final Comparator<HeldLock> BY_START =
            Comparator.comparingLong(HeldLock::start).thenComparingLong(HeldLock::end);

    private final List<HeldLock> held;

    private FileLocks(List<HeldLock> held) {
        this.held = held;
    }

    private static FileLocks of(List<HeldLock> entries) {
        entries.sort(BY_START);
        return new FileLocks(List.copyOf(entries));
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    int size() {
        return held.size();
    }

    /** The lowest-starting lock of another owner on start..end that {@code type} conflicts with. */
    Optional<HeldLock> firstConflict(LockOwner owner, LockType type, long start, long end) {
        for (HeldLock h : held) {
            if (!h.owner().equals(owner) && h.overlaps(start, end) && type.conflictsWith(h.type())) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /**
     * POSIX fcntl(F_SETLK) for one owner, conflicts already ruled out: the owner's locks inside start..end are
     * cut away (splitting those that stick out), then a READ or WRITE request adds its range, merged with the
     * owner's touching ranges of the same type and fid. UNLOCK only cuts.
     */
    FileLocks set(LockOwner owner, LockType type, long start, long end, long fidKey) {
        List<HeldLock> next = new ArrayList<>(held.size() + 2);
        for (HeldLock h : held) {
            if (!h.owner().equals(owner) || !h.overlaps(start, end)) {
                next.add(h);
                continue;
            }
            if (h.start() < start) {
                next.add(new HeldLock(owner, h.type(), h.start(), start - 1, h.fidKey()));
            }
            if (h.end() > end) {
                next.add(new HeldLock(owner, h.type(), end + 1, h.end(), h.fidKey()));
            }
        }
        if (type != LockType.UNLOCK) {
            long from = start;
            long to = end;
            for (Iterator<HeldLock> it = next.iterator(); it.hasNext(); ) {
                HeldLock h = it.next();
                if (!h.owner().equals(owner) || h.type() != type || h.fidKey() != fidKey) {
                    continue;
                }
                if (h.end() == start - 1) {
                    from = h.start();
                    it.remove();
                } else if (end != Long.MAX_VALUE && h.start() == end + 1) {
                    to = h.end();
                    it.remove();
                }
            }
            next.add(new HeldLock(owner, type, from, to, fidKey));
        }
        return of(next);
    }

    /** This value without the entries {@code gone} selects; the same instance when none match. */
    FileLocks without(Predicate<HeldLock> gone) {
        List<HeldLock> next = new ArrayList<>(held.size());
        for (HeldLock h : held) {
            if (!gone.test(h)) {
                next.add(h);
            }
        }
        return next.size() == held.size() ? this : of(next);
    }

    Set<Long> fidKeys() {
        Set<Long> keys = new HashSet<>();
        for (HeldLock h : held) {
            keys.add(h.fidKey());
        }
        return keys;
    }

    Set<Long> connectionIds() {
        Set<Long> ids = new HashSet<>();
        for (HeldLock h : held) {
            ids.add(h.owner().connectionId());
        }
        return ids;
    }

    List<LockRange> ranges() {
        List<LockRange> ranges = new ArrayList<>(held.size());
        for (HeldLock h : held) {
            ranges.add(h.toRange());
        }
        return List.copyOf(ranges);
    }
}
