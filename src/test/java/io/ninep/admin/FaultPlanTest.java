package io.ninep.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.export.Fault;
import io.ninep.posix.Errno;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void delaysInQuarkusAndIsoSyntaxAndErrnoNamesBecomeFaults() {
        Map<String, Fault> plan = FaultPlan.parse(change(Map.of(
                "read", new Changes.FaultSpec("250ms", "EIO"),
                "write", new Changes.FaultSpec("3s", null),
                "walk", new Changes.FaultSpec("PT3S", null),
                "getattr", new Changes.FaultSpec(null, "enoent"))));

        assertEquals(new Fault(Duration.ofMillis(250), Optional.of(Errno.EIO)), plan.get("read"));
        assertEquals(new Fault(Duration.ofSeconds(3), Optional.empty()), plan.get("write"));
        assertEquals(new Fault(Duration.ofSeconds(3), Optional.empty()), plan.get("walk"));
        assertEquals(new Fault(Duration.ZERO, Optional.of(Errno.ENOENT)), plan.get("getattr"));
    }

    @Test
    void emptyPlanClearsEveryFault() {
        assertTrue(FaultPlan.parse(change(Map.of())).isEmpty());
    }

    @Test
    void operationsWithoutAnExportAreRefused() {
        for (String op : new String[] {"version", "auth", "flush", "Tread", "READ", "frobnicate"}) {
            assertBadRequest(Map.of(op, new Changes.FaultSpec("1s", null)));
        }
    }

    @Test
    void badDelaysAndErrnoNamesAreRefused() {
        assertBadRequest(Map.of("read", new Changes.FaultSpec("soon", null)));
        assertBadRequest(Map.of("read", new Changes.FaultSpec("-1s", null)));
        assertBadRequest(Map.of("read", new Changes.FaultSpec(null, "EFROB")));
        assertBadRequest(Collections.singletonMap("read", null));
        assertEquals(Response.Status.BAD_REQUEST,
                assertThrows(AdminException.class, () -> FaultPlan.parse(null)).status());
        assertEquals(Response.Status.BAD_REQUEST,
                assertThrows(AdminException.class, () -> FaultPlan.parse(change(null))).status());
    }

    private static void assertBadRequest(Map<String, Changes.FaultSpec> faults) {
        AdminException e = assertThrows(AdminException.class, () -> FaultPlan.parse(change(faults)),
                "refuses " + faults);
        assertEquals(Response.Status.BAD_REQUEST, e.status());
    }

    private static Changes.FaultsChange change(Map<String, Changes.FaultSpec> faults) {
        return new Changes.FaultsChange(faults);
    }
}
