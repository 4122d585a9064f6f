package io.ninep.export.qid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    @Test
    void emptyTableKnowsNothing() {
        assertEquals(RouteTable.ABSENT, RouteTable.EMPTY.get(1, 0));
    }

    @Test
    void everyAddedRouteIsFoundAndOthersAreAbsent() {
        RouteTable t = RouteTable.EMPTY;
        for (int i = 0; i < 500; i++) {
            t = t.with(1000 + i / 7, i % 7, RouteTable.prefixRoute(i + 1));
        }
        assertEquals(500, t.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(RouteTable.prefixRoute(i + 1), t.get(1000 + i / 7, i % 7));
        }
        assertEquals(RouteTable.ABSENT, t.get(1000, 7));
        assertEquals(RouteTable.ABSENT, t.get(5000, 0));
    }

    @Test
    void fullMapRoutesAreNegativeAndNameTheirDevice() {
        RouteTable t = RouteTable.EMPTY.with(3, 0, RouteTable.fullMapRoute(0)).with(4, 2, RouteTable.fullMapRoute(9));
        assertEquals(0, RouteTable.fullMapDevice(t.get(3, 0)));
        assertEquals(9, RouteTable.fullMapDevice(t.get(4, 2)));
    }

    @Test
    void withoutDropsOnlyTheGivenDevices() {
        RouteTable t = RouteTable.EMPTY.with(1, 0, 10).with(1, 1, 11).with(2, 0, 20);
        RouteTable u = t.without(Set.of(1L));
        assertEquals(RouteTable.ABSENT, u.get(1, 0));
        assertEquals(RouteTable.ABSENT, u.get(1, 1));
        assertEquals(20, u.get(2, 0));
        assertEquals(11, t.get(1, 1), "the original is unchanged");
    }
}
