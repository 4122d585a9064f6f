package io.ninep.server.flush;

import java.util.Random;

/**
 * The tags of one torture connection. A tag is reused only once nothing can arrive on it any more: its
 * request was answered or flushed, and no Tflush naming it is still outstanding (flush(5): the tag is free
 * only at the Rflush), so the checker can tell every reply's request apart.
 */
final class TagPool {
    /** How a free tag is chosen. */
    enum Policy {
        /** The lowest free tag, reused at once, as the Linux client does. */
        LOWEST_FREE,
        /** The next free tag after the last one, so a late reply on a flushed tag shows up as unexpected. */
        ROUND_ROBIN
    }

    private static final int SIZE = 1024;

    private final Policy policy;
    /** Per tag: one for its request in flight, one more for each Tflush naming it. */
    private final int[] holds = new int[SIZE];
    private int cursor;

    TagPool(Policy policy) {
        this.policy = policy;
    }

    synchronized int acquire() {
        int start = policy == Policy.LOWEST_FREE ? 0 : cursor;
        for (int i = 0; i < SIZE; i++) {
            int tag = (start + i) % SIZE;
            if (holds[tag] == 0) {
                holds[tag] = 1;
                cursor = (tag + 1) % SIZE;
                return tag;
            }
        }
        throw new IllegalStateException("all " + SIZE + " torture tags are held");
    }

    /** A tag with nothing on it, for a flush of an unknown tag; the caller then {@link #hold}s it. */
    synchronized int someFree(Random random) {
        int start = random.nextInt(SIZE);
        for (int i = 0; i < SIZE; i++) {
            int tag = (start + i) % SIZE;
            if (holds[tag] == 0) {
                return tag;
            }
        }
        throw new IllegalStateException("all " + SIZE + " torture tags are held");
    }

    synchronized void hold(int tag) {
        holds[tag]++;
    }

    synchronized void release(int tag) {
        if (holds[tag] <= 0) {
            throw new IllegalStateException("tag " + tag + " released more often than held");
        }
        holds[tag]--;
    }
}
