package io.ninep.export.qid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging a table file into memory and back never makes two keys share a value. */
class QidTableTest {
    private static final TableContents DISK = new TableContents(3, 0, List.of("/a", "/b"),
            List.of(new TableContents.PrefixEntry(0, 0, 1), new TableContents.PrefixEntry(1, 0, 2)), List.of());

    @Test
    void mergeAdoptsEveryAgreeingEntry() {
        QidTable t = new QidTable();
        assertEquals(0, t.merge(DISK));
        assertEquals(1, t.prefix(t.device("/a"), 0));
        assertEquals(2, t.prefix(t.device("/b"), 0));
    }

    @Test
    void mergeKeepsThisProcesssValueOnAConflictAndCountsIt() {
        QidTable t = new QidTable();
        t.putPrefix(t.device("/c"), 0, 1);
        assertEquals(1, t.merge(DISK), "prefix 1 is /a's on disk but /c's here");
        assertEquals(1, t.prefix(t.device("/c"), 0));
        assertEquals(0, t.prefix(t.device("/a"), 0), "/a cannot have 1 in this process");
        assertEquals(2, t.prefix(t.device("/b"), 0));
    }

    @Test
    void contentsOverKeepsTheFilesVersionOfAConflictAndAddsTheRest() {
        QidTable t = new QidTable();
        t.putPrefix(t.device("/c"), 0, 1);
        t.putPrefix(t.device("/d"), 0, 3);
        t.merge(DISK);
        TableContents out = t.contentsOver(DISK, 42);
        assertEquals(4, out.generation());
        assertEquals(List.of("/a", "/b", "/d"), out.devices());
        assertEquals(List.of(new TableContents.PrefixEntry(0, 0, 1), new TableContents.PrefixEntry(1, 0, 2),
                new TableContents.PrefixEntry(2, 0, 3)), out.prefixes());
    }

    @Test
    void freePrefixAvoidsValuesUsedInMemoryOrOnDisk() {
        QidTable t = new QidTable();
        t.putPrefix(t.device("/x"), 0, 3);
        assertEquals(4, t.freePrefix(new TableContents(1, 0, List.of("/y", "/z"),
                List.of(new TableContents.PrefixEntry(0, 0, 1), new TableContents.PrefixEntry(1, 0, 2)),
                List.of())));
    }
}
