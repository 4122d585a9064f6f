package io.ninep.export.qid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ninep.config.ConfigurationException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QidSettingsTest {
    private static final Path ROOT = Path.of("/srv/export");
    private static final String KEY = "ninep.exports.\"e\".";

    @Test
    void defaultsToRemapWithAHiddenTableInTheExportRoot() {
        QidSettings s = QidSettings.parse(KEY, ROOT, "remap", Optional.empty(), 10);
        assertEquals(MultiDevs.REMAP, s.multidevs());
        assertEquals(Optional.of(ROOT.resolve(".ninep-qid-table")), s.table());
        assertEquals(Optional.of(".ninep-qid-table"), s.hiddenName(ROOT));
    }

    @Test
    void noneKeepsTheTableInMemory() {
        QidSettings s = QidSettings.parse(KEY, ROOT, "REMAP", Optional.of("none"), 10);
        assertEquals(Optional.empty(), s.table());
        assertEquals(Optional.empty(), s.hiddenName(ROOT));
    }

    @Test
    void tableOutsideTheExportNeedsNoHiding() {
        QidSettings s = QidSettings.parse(KEY, ROOT, "forbid", Optional.of("/var/lib/ninep/e.qid"), 10);
        assertEquals(Optional.of(Path.of("/var/lib/ninep/e.qid")), s.table());
        assertEquals(Optional.empty(), s.hiddenName(ROOT));
        assertEquals(MultiDevs.FORBID, s.multidevs());
    }

    @Test
    void relativeTableNameLivesInTheRoot() {
        QidSettings s = QidSettings.parse(KEY, ROOT, "warn", Optional.of(".qids"), 10);
        assertEquals(Optional.of(".qids"), s.hiddenName(ROOT));
    }

    @Test
    void tableDeeperInsideTheExportIsRejected() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> QidSettings.parse(KEY, ROOT, "remap", Optional.of("sub/.qids"), 10));
        assertEquals(true, e.getMessage().contains(KEY + "qid-table"), e.getMessage());
    }

    @Test
    void unknownPolicyAndNonPositiveLimitAreRejected() {
        assertThrows(ConfigurationException.class, () -> QidSettings.parse(KEY, ROOT, "mixed", Optional.empty(), 10));
        assertThrows(ConfigurationException.class, () -> QidSettings.parse(KEY, ROOT, "remap", Optional.empty(), 0));
    }
}
