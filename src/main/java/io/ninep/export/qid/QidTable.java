package io.ninep.export.qid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mapping state of one export in memory: device identities, prefixes, and every full-map value handed out
 * (pinned or not). Entries are only ever added: a mapping that went away could be handed to another file while a
 * client still caches the first, which is the collision this whole package exists to prevent.
 *
 * <p>Not thread-safe: {@link RemapQidMapper} mutates it under its lock. The one exception is {@link #full}, read
 * without the lock on the hot path, hence the concurrent map behind it.
 */
final class QidTable {
    private final List<String> devices = new ArrayList<>();
    private final Map<String, Integer> deviceIndex = new HashMap<>();
    private final Map<Long, Integer> prefixByKey = new HashMap<>();
    private final Map<Integer, Long> keyByPrefix = new HashMap<>();
    private final Map<Integer, Integer> prefixesPerDevice = new HashMap<>();
    private final Map<FullKey, Long> fullByKey = new ConcurrentHashMap<>();
    private final Map<Long, FullKey> fullByPath = new HashMap<>();
    private final Map<FullKey, Long> pins = new HashMap<>();
    private long changes;

    /** The local index of a device identity, added when new (identities alone are not persisted entries). */
    int device(String identity) {
        Integer i = deviceIndex.get(identity);
        if (i == null) {
            i = devices.size();
            devices.add(identity);
            deviceIndex.put(identity, i);
        }
        return i;
    }

    String identity(int device) {
        return devices.get(device);
    }

    /** The prefix of (device, high), or 0 when it has none. */
    int prefix(int device, int high) {
        return prefixByKey.getOrDefault(prefixKey(device, high), 0);
    }

    boolean deviceMayTakePrefix(int device) {
        return prefixesPerDevice.getOrDefault(device, 0) < PathLayout.PREFIXES_PER_DEVICE;
    }

    /** The smallest prefix that neither this table nor {@code disk} uses; 0 when the space is spent. */
    int freePrefix(TableContents disk) {
        Set<Integer> onDisk = new HashSet<>();
        disk.prefixes().forEach(e -> onDisk.add(e.prefix()));
        for (int p = 1; p <= PathLayout.MAX_PREFIX; p++) {
            if (!keyByPrefix.containsKey(p) && !onDisk.contains(p)) {
                return p;
            }
        }
        return 0;
    }

    void putPrefix(int device, int high, int prefix) {
        long key = prefixKey(device, high);
        prefixByKey.put(key, prefix);
        keyByPrefix.put(prefix, key);
        prefixesPerDevice.merge(device, 1, Integer::sum);
        changes++;
    }

    /** The full-map value handed out for {@code key}, or null. Safe without the lock. */
    Long full(FullKey key) {
        return fullByKey.get(key);
    }

    boolean fullPathTaken(long path) {
        return fullByPath.containsKey(path);
    }

    /** Records a full-map value; a pinned one is persisted (it is not the key's first hash). */
    void putFull(FullKey key, long path, boolean pinned) {
        fullByPath.put(path, key);
        fullByKey.put(key, path);
        if (pinned) {
            pins.put(key, path);
            changes++;
        }
    }

    /** Prefix and full-map entries: what the configured maximum bounds. */
    long entries() {
        return prefixByKey.size() + fullByKey.size();
    }

    int deviceCount() {
        return devices.size();
    }

    int prefixCount() {
        return prefixByKey.size();
    }

    int fullCount() {
        return fullByKey.size();
    }

    int pinCount() {
        return pins.size();
    }

    /** Grows with every change that must reach the table file. */
    long changes() {
        return changes;
    }

    /**
     * Adopts every entry of {@code disk} that agrees with this table; returns the number that do not (same key
     * with another value, or a value this table gives another key). Those stay as this process has them, so no
     * path it handed out changes or collides; they are reported, and on disk the file's version wins.
     */
    int merge(TableContents disk) {
        int conflicts = 0;
        for (TableContents.PrefixEntry e : disk.prefixes()) {
            int device = device(disk.devices().get(e.device()));
            int mine = prefix(device, e.high());
            if (mine == e.prefix()) {
                continue;
            }
            if (mine != 0 || keyByPrefix.containsKey(e.prefix())) {
                conflicts++;
            } else {
                long key = prefixKey(device, e.high());
                prefixByKey.put(key, e.prefix());
                keyByPrefix.put(e.prefix(), key);
                prefixesPerDevice.merge(device, 1, Integer::sum);
            }
        }
        for (TableContents.PinEntry e : disk.pins()) {
            FullKey key = new FullKey(device(disk.devices().get(e.device())), e.inode());
            Long mine = fullByKey.get(key);
            if (mine != null && mine == e.path()) {
                pins.putIfAbsent(key, e.path());
                continue;
            }
            if (mine != null || fullByPath.containsKey(e.path())) {
                conflicts++;
            } else {
                pins.put(key, e.path());
                fullByPath.put(e.path(), key);
                fullByKey.put(key, e.path());
            }
        }
        return conflicts;
    }

    /**
     * What to write over {@code disk}: all of it, plus this table's prefixes and pins that do not conflict with
     * it (the file's version wins a conflict; see {@link #merge}). Devices are renumbered for the file.
     */
    TableContents contentsOver(TableContents disk, long savedAtMillis) {
        List<String> names = new ArrayList<>(disk.devices());
        Map<String, Integer> fileIndex = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            fileIndex.put(names.get(i), i);
        }
        List<TableContents.PrefixEntry> prefixes = new ArrayList<>(disk.prefixes());
        Set<Long> prefixKeys = new HashSet<>();
        Set<Integer> prefixValues = new HashSet<>();
        for (TableContents.PrefixEntry e : disk.prefixes()) {
            prefixKeys.add(prefixKey(e.device(), e.high()));
            prefixValues.add(e.prefix());
        }
        prefixByKey.forEach((key, prefix) -> {
            String identity = devices.get((int) (key >>> 16));
            int high = (int) (key & 0xffff);
            Integer known = fileIndex.get(identity);
            if (prefixValues.contains(prefix) || (known != null && prefixKeys.contains(prefixKey(known, high)))) {
                return;
            }
            int device = fileDevice(identity, names, fileIndex);
            prefixKeys.add(prefixKey(device, high));
            prefixValues.add(prefix);
            prefixes.add(new TableContents.PrefixEntry(device, high, prefix));
        });
        List<TableContents.PinEntry> pinList = new ArrayList<>(disk.pins());
        Set<FullKey> pinKeys = new HashSet<>();
        Set<Long> pinValues = new HashSet<>();
        for (TableContents.PinEntry e : disk.pins()) {
            pinKeys.add(new FullKey(e.device(), e.inode()));
            pinValues.add(e.path());
        }
        pins.forEach((key, path) -> {
            String identity = devices.get(key.device());
            Integer known = fileIndex.get(identity);
            if (pinValues.contains(path) || (known != null && pinKeys.contains(new FullKey(known, key.inode())))) {
                return;
            }
            int device = fileDevice(identity, names, fileIndex);
            pinKeys.add(new FullKey(device, key.inode()));
            pinValues.add(path);
            pinList.add(new TableContents.PinEntry(device, key.inode(), path));
        });
        return new TableContents(disk.generation() + 1, savedAtMillis, names, prefixes, pinList);
    }

    /** (identity, high, prefix) of every prefix entry, for the admin API. */
    List<QidTableStatus.Prefix> prefixView() {
        List<QidTableStatus.Prefix> out = new ArrayList<>();
        prefixByKey.forEach((key, prefix) ->
                out.add(new QidTableStatus.Prefix(devices.get((int) (key >>> 16)), (int) (key & 0xffff), prefix)));
        out.sort(Comparator.comparingInt(QidTableStatus.Prefix::prefix));
        return out;
    }

    private static int fileDevice(String identity, List<String> names, Map<String, Integer> fileIndex) {
        return fileIndex.computeIfAbsent(identity, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    private static long prefixKey(int device, int high) {
        return ((long) device << 16) | high;
    }
}
