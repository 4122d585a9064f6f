package io.ninep.server.lock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The byte-range POSIX locks behind Tlock and Tgetlock, one table shared by every connection so that clients
 * on different connections see each other's locks (LESSONS.md, "Locks": a per-connection or always-succeed
 * table is only safe with one client).
 *
 * <p>Locking (LESSONS.md §4): {@code files} maps each file to an immutable {@link FileLocks}. Every change
 * to a file runs inside {@code files.compute}, whose per-key lock serialises the writers of that file, so
 * a conflict check and the change it allows are one step; a file's entry is removed in the same step that
 * empties it. Readers take the current value with {@code get} and need no lock. The two {@link HolderIndex}es
 * are updated only inside that compute, so for one file they change in the file's own order; they never
 * call back into {@code files}, so the lock order is always file first, index second.
 *
 * <p>Callers release a fid after its last Tlock has completed, and a connection after its last request:
 * a lock taken concurrently with its own release may survive it.
 */
public final class LockTable {
    private final ConcurrentHashMap<FileKey, FileLocks> files = new ConcurrentHashMap<>();
    private final HolderIndex byFid = new HolderIndex();
    private final HolderIndex byConnection = new HolderIndex();

    /**
     * Tlock. READ and WRITE answer BLOCKED, changing nothing, when a lock of another owner conflicts; the
     * caller's own locks never conflict, they are replaced (upgrade, downgrade, split). UNLOCK always succeeds.
     * {@code fidKey} names the (connection, fid) the request came through, for {@link #releaseFid}.
     */
    public LockStatus lock(FileKey file, LockOwner owner, LockType type, long start, long length, long fidKey) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        if (start < 0 || length < 0) {
            return LockStatus.ERROR;
        }
        long end = LockRange.endOf(start, length);
        LockStatus[] outcome = {LockStatus.SUCCESS};
        update(file, locks -> {
            if (type != LockType.UNLOCK && locks.firstConflict(owner, type, start, end).isPresent()) {
                outcome[0] = LockStatus.BLOCKED;
                return locks;
            }
            return locks.set(owner, type, start, end, fidKey);
        });
        return outcome[0];
    }

    /**
     * Tgetlock: the lowest-starting lock of another owner that would block {@code type} on the range, or
     * empty. The Linux client sends UNLCK here whatever type the program asked F_GETLK about
     * (fs/9p/vfs_file.c, v9fs_file_getlock), so UNLOCK is answered as a WRITE probe: it reports any lock
     * of another owner, which is also what a WRITE question would be told.
     *
     * @throws IllegalArgumentException for a negative start or length
     */
    public Optional<LockRange> test(FileKey file, LockOwner owner, LockType type, long start, long length) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("negative lock range " + start + "+" + length);
        }
        FileLocks locks = files.get(file);
        if (locks == null) {
            return Optional.empty();
        }
        LockType probe = type == LockType.UNLOCK ? LockType.WRITE : type;
        return locks.firstConflict(owner, probe, start, LockRange.endOf(start, length)).map(HeldLock::toRange);
    }

    /**
     * Tclunk: drops the locks recorded under this fid; the owner's locks taken through other fids stay
     * (diod's rule). The Linux client unlocks on every close, but with the closing process's proc_id, so a
     * lock another process took through a shared descriptor (flock before fork) is only released here.
     */
    public void releaseFid(long fidKey) {
        for (FileKey file : byFid.filesOf(fidKey)) {
            update(file, locks -> locks.without(h -> h.fidKey() == fidKey));
        }
    }

    /** Disconnect: drops every lock the connection's owners hold. */
    public void releaseConnection(long connectionId) {
        for (FileKey file : byConnection.filesOf(connectionId)) {
            update(file, locks -> locks.without(h -> h.owner().connectionId() == connectionId));
        }
    }

    /** The number of lock ranges held, over all files. */
    public int size() {
        int total = 0;
        for (FileLocks locks : files.values()) {
            total += locks.size();
        }
        return total;
    }

    /** The locks on one file, ordered by start. */
    public List<LockRange> locks(FileKey file) {
        FileLocks locks = files.get(file);
        return locks == null ? List.of() : locks.ranges();
    }

    /** Every file's locks; each file's list is consistent, the files are read one after another. */
    public Map<FileKey, List<LockRange>> snapshot() {
        Map<FileKey, List<LockRange>> copy = new HashMap<>();
        files.forEach((file, locks) -> copy.put(file, locks.ranges()));
        return Map.copyOf(copy);
    }

    /** Fid keys and connections still indexed; zero once the table is empty (no growth without locks). */
    int indexedHolders() {
        return byFid.holders() + byConnection.holders();
    }

    private void update(FileKey file, UnaryOperator<FileLocks> change) {
        files.compute(file, (key, current) -> {
            FileLocks before = current == null ? FileLocks.EMPTY : current;
            FileLocks after = change.apply(before);
            if (after == before) {
                return current;
            }
            byFid.update(key, before.fidKeys(), after.fidKeys());
            byConnection.update(key, before.connectionIds(), after.connectionIds());
            return after.isEmpty() ? null : after;
        });
    }
}
