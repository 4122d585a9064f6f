package io.ninep.export.qid;

import java.util.Arrays;
import java.util.Set;

/**
 * Immutable open-addressing map (st_dev, inode high bits) → route, read on the hot path without a lock or an
 * allocation; changes copy it (they are rare: one per device and high-bits range met). A route ≥ 0 is the prefix
 * already shifted into place; a negative one sends the files to the full map of device {@code -route - 1}.
 */
final class RouteTable {
    static final long ABSENT = Long.MIN_VALUE;
    static final RouteTable EMPTY = new RouteTable(new long[0], new int[0], new long[0], 0);

    private static final int FREE = -1;

    private final long[] devs;
    private final int[] highs;
    private final long[] routes;
    private final int size;

    private RouteTable(long[] devs, int[] highs, long[] routes, int size) {
        this.devs = devs;
        this.highs = highs;
        this.routes = routes;
        this.size = size;
    }

    static long prefixRoute(int prefix) {
        return (long) prefix << PathLayout.LOW_BITS;
    }

    static long fullMapRoute(int device) {
        return -(long) device - 1;
    }

    static int fullMapDevice(long route) {
        return (int) (-route - 1);
    }

    long get(long dev, int high) {
        if (size == 0) {
            return ABSENT;
        }
        int mask = highs.length - 1;
        for (int i = slot(dev, high, mask); ; i = (i + 1) & mask) {
            if (highs[i] == FREE) {
                return ABSENT;
            }
            if (highs[i] == high && devs[i] == dev) {
                return routes[i];
            }
        }
    }

    RouteTable with(long dev, int high, long route) {
        RouteTable grown = copy(size + 1, Set.of());
        grown.insert(dev, high, route);
        return new RouteTable(grown.devs, grown.highs, grown.routes, grown.size + 1);
    }

    /** This table without the routes of {@code gone} devices. */
    RouteTable without(Set<Long> gone) {
        return copy(size, gone);
    }

    int size() {
        return size;
    }

    private RouteTable copy(int capacityFor, Set<Long> skip) {
        int capacity = Integer.highestOneBit(Math.max(4, capacityFor * 2 - 1)) << 1;
        int[] h = new int[capacity];
        Arrays.fill(h, FREE);
        RouteTable out = new RouteTable(new long[capacity], h, new long[capacity], 0);
        int n = 0;
        for (int i = 0; i < highs.length; i++) {
            if (highs[i] != FREE && !skip.contains(devs[i])) {
                out.insert(devs[i], highs[i], routes[i]);
                n++;
            }
        }
        return new RouteTable(out.devs, out.highs, out.routes, n);
    }

    private void insert(long dev, int high, long route) {
        int mask = highs.length - 1;
        int i = slot(dev, high, mask);
        while (highs[i] != FREE) {
            i = (i + 1) & mask;
        }
        devs[i] = dev;
        highs[i] = high;
        routes[i] = route;
    }

    private static int slot(long dev, int high, int mask) {
        long h = (dev * 0x9e3779b97f4a7c15L) ^ high;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
