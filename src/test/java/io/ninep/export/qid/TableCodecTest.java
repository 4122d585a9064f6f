package io.ninep.export.qid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class TableCodecTest {
    private static final TableContents SAMPLE = new TableContents(7, 1_700_000_000_000L, List.of("/t1", "/a b/ü"),
            List.of(new TableContents.PrefixEntry(0, 0, 1), new TableContents.PrefixEntry(1, 3, 2)),
            List.of(new TableContents.PinEntry(1, 42, PathLayout.FULL_MAP | 99)));

    @Test
    void roundTripKeepsEverything() throws Exception {
        assertEquals(SAMPLE, TableCodec.decode(TableCodec.encode(SAMPLE)));
        assertEquals(TableContents.EMPTY, TableCodec.decode(TableCodec.encode(TableContents.EMPTY)));
    }

    @Test
    void fileStartsWithMagicAndVersion() {
        byte[] raw = TableCodec.encode(SAMPLE);
        assertEquals("NINEPQID", new String(raw, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(1, ByteBuffer.wrap(raw, 8, 2).getShort());
    }

    @Test
    void anyFlippedByteIsDetected() {
        byte[] good = TableCodec.encode(SAMPLE);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            int at = i;
            assertThrows(TableFormatException.class, () -> TableCodec.decode(bad), "flip at byte " + at);
        }
    }

    @Test
    void truncatedFileIsDetected() {
        byte[] good = TableCodec.encode(SAMPLE);
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            assertThrows(TableFormatException.class, () -> TableCodec.decode(cut), "cut to " + len);
        }
    }

    @Test
    void unknownVersionIsRejectedEvenWithAValidCrc() {
        byte[] raw = TableCodec.encode(SAMPLE);
        raw[9] = 2;
        TableFormatException e = assertThrows(TableFormatException.class, () -> TableCodec.decode(withCrc(raw)));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void hugeCountIsRejectedBeforeAllocating() {
        byte[] raw = TableCodec.encode(TableContents.EMPTY);
        ByteBuffer.wrap(raw).putInt(28, Integer.MAX_VALUE);
        assertThrows(TableFormatException.class, () -> TableCodec.decode(withCrc(raw)));
    }

    @Test
    void tableGivingOnePrefixToTwoKeysIsRejected() {
        TableContents twice = new TableContents(1, 0, List.of("/a", "/b"),
                List.of(new TableContents.PrefixEntry(0, 0, 5), new TableContents.PrefixEntry(1, 0, 5)), List.of());
        assertThrows(TableFormatException.class, () -> TableCodec.decode(TableCodec.encode(twice)));
    }

    @Test
    void pinWithoutTheFullMapBitIsRejected() {
        TableContents low = new TableContents(1, 0, List.of("/a"), List.of(),
                List.of(new TableContents.PinEntry(0, 1, 12345)));
        assertThrows(TableFormatException.class, () -> TableCodec.decode(TableCodec.encode(low)));
    }

    /** Rewrites the trailing CRC32C so that only the content check can object. */
    private static byte[] withCrc(byte[] raw) {
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, raw.length - 4);
        ByteBuffer.wrap(raw).putInt(raw.length - 4, (int) crc.getValue());
        return raw;
    }
}
