package io.ninep.bench;

import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What the load generator asks of the server: one kind of operation, or a weighted mix of them. */
public enum Workload {
    READ(Map.of(Op.READ, 1)),
    WRITE(Map.of(Op.WRITE, 1)),
    RANDREAD(Map.of(Op.RANDREAD, 1)),
    META(Map.of(Op.META, 1)),
    CREATE(Map.of(Op.CREATE, 1)),
    /** Weighted like a shared home or build tree: mostly lookups, some reads, few writes and creates. */
    MIXED(Map.of(Op.META, 40, Op.RANDREAD, 20, Op.READ, 20, Op.WRITE, 10, Op.CREATE, 10));

    /** One operation, as a chain of dependent 9P requests. */
    public enum Op {
        /** Tread of a whole iounit, sequential through a per-connection file. */
        READ,
        /** Twrite of a whole iounit, sequential through a per-connection file. */
        WRITE,
        /** Tread of 4 KiB at a random 4 KiB-aligned offset of the per-connection read file. */
        RANDREAD,
        /** Twalk of one name of the file pool, Tgetattr, Tclunk: what a Linux lookup plus stat costs. */
        META,
        /** Twalk clone of the directory, Tlcreate, Tclunk, Tunlinkat (or Twalk and Tremove where unsupported). */
        CREATE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Op[] ops;
    private final int[] cumulativeWeights;

    Workload(Map<Op, Integer> weights) {
        ops = weights.keySet().stream().sorted().toArray(Op[]::new);
        cumulativeWeights = new int[ops.length];
        int total = 0;
        for (int i = 0; i < ops.length; i++) {
            total += weights.get(ops[i]);
            cumulativeWeights[i] = total;
        }
    }

    /** The next operation to run, drawn by weight. */
    public Op pick(RandomGenerator random) {
        if (ops.length == 1) {
            return ops[0];
        }
        int draw = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        for (int i = 0; i < ops.length; i++) {
            if (draw < cumulativeWeights[i]) {
                return ops[i];
            }
        }
        throw new AssertionError("draw " + draw + " beyond the total weight");
    }

    public boolean uses(Op op) {
        for (Op o : ops) {
            if (o == op) {
                return true;
            }
        }
        return false;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Workload parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown workload '" + text + "' (read, write, randread, meta, create, mixed)");
        }
    }
}
