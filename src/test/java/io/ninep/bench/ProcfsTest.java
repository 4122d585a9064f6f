package io.ninep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcfsTest {

    @Test
    void statusGivesCurrentAndPeakResidentMemory() {
        Procfs.Memory m = Procfs.parseStatus(List.of("Name:\tjava", "VmPeak:\t 9017716 kB", "VmHWM:\t  339660 kB",
                "VmRSS:\t  224400 kB", "Threads:\t41"));
        assertEquals(224400, m.rssKiB());
        assertEquals(339660, m.peakRssKiB());
    }

    @Test
    void statGivesUserPlusSystemTimeEvenWhenTheCommandHasSpacesAndParentheses() {
        String stat = "4242 (odd ) name) S 1 4242 4242 0 -1 4194560 3012 0 0 0 250 75 0 0 20 0 41 0 1234 9017716 56100";
        assertEquals(325 * 10_000_000L, Procfs.parseStat(stat));
    }

    @Test
    void ownProcessHasUsedCpu() {
        assertTrue(Procfs.cpuNanosOf((int) ProcessHandle.current().pid()) > 0);
    }

    @Test
    void statusWithoutRssIsAFailure() {
        assertThrows(BenchFailure.class, () -> Procfs.parseStatus(List.of("Name:\tkthreadd", "State:\tS")));
    }

    @Test
    void ownProcessHasResidentMemory() {
        long pid = ProcessHandle.current().pid();
        assertTrue(Procfs.memoryOf((int) pid).rssKiB() > 0);
    }

    @Test
    void missingProcessIsAFailureNamingThePid() {
        BenchFailure e = assertThrows(BenchFailure.class, () -> Procfs.memoryOf(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains(Integer.toString(Integer.MAX_VALUE)), e.getMessage());
    }
}
