package io.ninep.export.qid;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one place that turns an st_dev into a stable device identity (LESSONS.md §3: st_dev is not stable across
 * remounts or machines). The export root's device is "" ; another device is named by its mount point inside the
 * export ({@link MountInfo}). Lookups are cached per st_dev; an unknown st_dev re-reads the mount table first,
 * since a mount may have appeared. A device found nowhere (a btrfs subvolume that is not mounted, a mount this
 * process cannot see) falls back to "st_dev:MAJOR:MINOR", which is stable only until a remount; it is logged and
 * counted.
 *
 * <p>Thread-safe; called on the mapper's slow path only.
 */
final class DeviceIdentities {
    private static final Logger LOG = Logger.getLogger(DeviceIdentities.class);

    private final long rootDevice;
    private final Supplier<Map<Long, String>> scan;
    private final Map<Long, String> given = new ConcurrentHashMap<>();
    private volatile Map<Long, String> mounts = Map.of();
    private final Set<Long> unstable = ConcurrentHashMap.newKeySet();

    /**
     * @param rootDevice st_dev of the export root
     * @param scan       the current mount table as st_dev → identity (tests inject their own)
     */
    DeviceIdentities(long rootDevice, Supplier<Map<Long, String>> scan) {
        this.rootDevice = rootDevice;
        this.scan = scan;
    }

    String identify(long dev) {
        if (dev == rootDevice) {
            return "";
        }
        String identity = mounts.get(dev);
        if (identity == null) {
            mounts = Map.copyOf(scan.get());
            identity = mounts.get(dev);
        }
        if (identity == null) {
            identity = "st_dev:" + MountInfo.majorMinor(dev);
            if (unstable.add(dev)) {
                LOG.warnf("device %s is not mounted inside the export as far as /proc/self/mountinfo shows; its "
                        + "files get qid paths that may change after a remount", MountInfo.majorMinor(dev));
            }
        }
        given.put(dev, identity);
        return identity;
    }

    /**
     * Re-reads the mount table and returns the st_devs whose identity changed since {@link #identify} gave one
     * (unmounted, or their number reused by another mount); they are forgotten, so the next lookup asks again.
     */
    Set<Long> revalidate() {
        Map<Long, String> now = Map.copyOf(scan.get());
        mounts = now;
        Set<Long> changed = new HashSet<>();
        given.forEach((dev, identity) -> {
            String current = now.getOrDefault(dev, "st_dev:" + MountInfo.majorMinor(dev));
            if (!current.equals(identity)) {
                changed.add(dev);
            }
        });
        changed.forEach(given::remove);
        return changed;
    }

    boolean anyGiven() {
        return !given.isEmpty();
    }

    long unstableCount() {
        return unstable.size();
    }
}
