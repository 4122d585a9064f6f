package io.ninep.export.qid;

import io.ninep.fs.FileId;
import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * {@code multidevs=remap}: qid paths unique across the devices of a {@code local} export, the same after a
 * restart and the same on every replica serving that directory (LESSONS.md §3). Layout in {@link PathLayout}.
 *
 * <p><b>Hot path.</b> A file of the export root's device with an inode below 2^48 — every file, on a single file
 * system — gets its inode: one comparison, no lock, no allocation. Other files look up (st_dev, inode bits
 * 48..63) in a {@link RouteTable} read through a volatile field, then either put the prefix above the low 48 bits
 * or read the full map (a concurrent map). Only a miss takes the lock.
 *
 * <p><b>Slow path, under the lock.</b> The st_dev becomes a stable identity ({@link DeviceIdentities}); the
 * identity and high bits get a prefix from the table, or a new one by {@link TableSync#commit}, which
 * re-reads the shared file under its file lock, merges, allocates a value free in both, and writes the file
 * before anyone sees the prefix. Past a device's prefix quota, or when the 32767 prefixes are spent, files go to
 * the full map: their path is a hash of (identity, inode), which every replica and restart computes alike without
 * storing it; a hash already handed out to another file in this process is a collision, resolved by probing and
 * recorded (pinned) in the shared file the same way as a prefix.
 *
 * <p><b>Limits.</b> At most {@code maxEntries} prefix plus full-map entries; beyond them a file needing a new one
 * is refused with EOVERFLOW (logged once, counted) rather than given a path that might collide. Entries are never
 * removed. A background thread retries failed saves, adopts what replicas wrote (checked once a second by the
 * file's size, time and inode), and drops routes whose st_dev now names another mount.
 */
public final class RemapQidMapper implements ExportQidMapper {
    private static final Logger LOG = Logger.getLogger(RemapQidMapper.class);

    private final String export;
    private final long rootDevice;
    private final long maxEntries;
    private final DeviceIdentities identities;
    private final QidTable table = new QidTable();
    private final TableSync sync;
    private final Object lock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile RouteTable routes = RouteTable.EMPTY;
    private ScheduledExecutorService keeper;
    private long collisionsAvoided;
    private long overflows;

    /**
     * Loads the table (if any) before the first path is given out.
     *
     * @param store the table file; null keeps the table in memory only
     */
    RemapQidMapper(String export, long rootDevice, DeviceIdentities identities, TableStore store, long maxEntries,
                   Clock clock) {
        this.export = export;
        this.rootDevice = rootDevice;
        this.identities = identities;
        this.maxEntries = maxEntries;
        this.sync = new TableSync(export, table, store, clock);
        synchronized (lock) {
            sync.load();
        }
    }

    /** Starts the background thread (saves, replica changes, remounts); the factory calls it once. */
    void start() {
        keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ninep-qid-" + export);
            t.setDaemon(true);
            return t;
        });
        keeper.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public long path(FileId id) {
        long inode = id.inode();
        int high = PathLayout.high(inode);
        long dev = id.device();
        if (dev == rootDevice && high == 0) {
            return inode;
        }
        long route = routes.get(dev, high);
        if (route >= 0) {
            return route | (inode & PathLayout.LOW_MASK);
        }
        if (route != RouteTable.ABSENT) {
            Long path = table.full(new FullKey(RouteTable.fullMapDevice(route), inode));
            if (path != null) {
                return path;
            }
        }
        return resolve(dev, high, inode);
    }

    private long resolve(long dev, int high, long inode) {
        synchronized (lock) {
            long route = routes.get(dev, high);
            if (route == RouteTable.ABSENT) {
                route = route(table.device(identities.identify(dev)), high);
                routes = routes.with(dev, high, route);
            }
            if (route >= 0) {
                return route | (inode & PathLayout.LOW_MASK);
            }
            return fullMapPath(new FullKey(RouteTable.fullMapDevice(route), inode));
        }
    }

    /** The route of (device, high): its prefix, a new one, or the full map. */
    private long route(int device, int high) {
        int prefix = table.prefix(device, high);
        if (prefix == 0 && table.deviceMayTakePrefix(device) && table.entries() < maxEntries) {
            prefix = (int) sync.commit(disk -> {
                int p = table.prefix(device, high);
                if (p != 0 || !table.deviceMayTakePrefix(device) || table.entries() >= maxEntries) {
                    return p;
                }
                p = table.freePrefix(disk);
                if (p != 0) {
                    table.putPrefix(device, high, p);
                }
                return p;
            });
        }
        return prefix != 0 ? RouteTable.prefixRoute(prefix) : RouteTable.fullMapRoute(device);
    }

    private long fullMapPath(FullKey key) {
        Long known = table.full(key);
        if (known != null) {
            return known;
        }
        if (table.entries() >= maxEntries) {
            if (overflows++ == 0) {
                LOG.errorf("export %s: qid table full (%d entries, qid-table-max-entries); files that need a new "
                        + "entry get EOVERFLOW", export, maxEntries);
            }
            throw new FsException(Errno.EOVERFLOW, "qid table full");
        }
        String identity = table.identity(key.device());
        long first = PathLayout.fullMapCandidate(identity, key.inode(), 0);
        if (!table.fullPathTaken(first)) {
            table.putFull(key, first, false);
            return first;
        }
        collisionsAvoided++;
        return sync.commit(disk -> {
            Long merged = table.full(key);
            if (merged != null) {
                return merged;
            }
            Set<Long> pinnedOnDisk = new HashSet<>();
            disk.pins().forEach(p -> pinnedOnDisk.add(p.path()));
            for (int attempt = 1; ; attempt++) {
                long candidate = PathLayout.fullMapCandidate(identity, key.inode(), attempt);
                if (!table.fullPathTaken(candidate) && !pinnedOnDisk.contains(candidate)) {
                    table.putFull(key, candidate, true);
                    return candidate;
                }
            }
        });
    }

    private void tick() {
        try {
            synchronized (lock) {
                if (identities.anyGiven()) {
                    Set<Long> moved = identities.revalidate();
                    if (!moved.isEmpty()) {
                        routes = routes.without(moved);
                    }
                }
                sync.tick();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "export %s: qid table upkeep failed", export);
        }
    }

    @Override
    public QidTableStatus status() {
        synchronized (lock) {
            List<QidTableStatus.Prefix> prefixes = table.prefixView();
            return new QidTableStatus(export, MultiDevs.REMAP, sync.location().map(Object::toString),
                    sync.persistence(), table.deviceCount(), table.prefixCount(), table.fullCount(),
                    table.pinCount(), table.entries(), maxEntries, sync.lastSave(), sync.saves(),
                    sync.persistenceFailures(), sync.loadFailures(), collisionsAvoided, sync.mergeConflicts(),
                    overflows, identities.unstableCount(), 0, prefixes);
        }
    }

    /** Stops the background thread and makes a last attempt to save what is unsaved. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (keeper != null) {
            keeper.shutdown();
            try {
                keeper.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            sync.commit(disk -> 0);
        }
    }
}
