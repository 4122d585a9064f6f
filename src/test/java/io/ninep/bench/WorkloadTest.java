package io.ninep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void singleKindWorkloadAlwaysPicksIt() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertEquals(Workload.Op.META, Workload.META.pick(random));
        }
        assertTrue(Workload.META.uses(Workload.Op.META));
        assertFalse(Workload.META.uses(Workload.Op.READ));
    }

    @Test
    void mixedDrawsEachKindByItsWeight() {
        SplittableRandom random = new SplittableRandom(3);
        Map<Workload.Op, Integer> counts = new EnumMap<>(Workload.Op.class);
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(Workload.MIXED.pick(random), 1, Integer::sum);
        }
        assertShare(0.40, counts.get(Workload.Op.META), draws);
        assertShare(0.20, counts.get(Workload.Op.RANDREAD), draws);
        assertShare(0.20, counts.get(Workload.Op.READ), draws);
        assertShare(0.10, counts.get(Workload.Op.WRITE), draws);
        assertShare(0.10, counts.get(Workload.Op.CREATE), draws);
    }

    @Test
    void namesParseInAnyCase() {
        assertEquals(Workload.RANDREAD, Workload.parse(" RandRead "));
        assertEquals("randread", Workload.RANDREAD.label());
    }

    private static void assertShare(double expected, int count, int draws) {
        assertEquals(expected, (double) count / draws, 0.01);
    }
}
