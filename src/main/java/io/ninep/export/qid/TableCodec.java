package io.ninep.export.qid;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The table file format, version 1. Big-endian:
 *
 * <pre>
 * magic "NINEPQID"[8] version[2]=1 lowbits[1]=48 reserved[1]=0 generation[8] saved_at_ms[8]
 * ndevices[4]  { len[2] identity[len] (UTF-8) }
 * nprefixes[4] { device[4] high[2] prefix[2] }
 * npins[4]     { device[4] inode[8] path[8] }
 * crc32c[4]    over every byte before it
 * </pre>
 *
 * Decoding checks every count against the bytes left before allocating, and rejects anything that could make two
 * files share a path: a prefix outside 1..32767, a pin without bit 63, a key or a value given twice.
 */
final class TableCodec {
    static final int VERSION = 1;
    static final int MAX_IDENTITY_BYTES = 4096;
    private static final byte[] MAGIC = "NINEPQID".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 2 + 1 + 1 + 8 + 8;
    private static final int PREFIX_BYTES = 8;
    private static final int PIN_BYTES = 20;

    private TableCodec() {
    }

    static byte[] encode(TableContents t) {
        byte[][] names = new byte[t.devices().size()][];
        int size = HEADER + 12 + 4 + t.prefixes().size() * PREFIX_BYTES + t.pins().size() * PIN_BYTES;
        for (int i = 0; i < names.length; i++) {
            names[i] = t.devices().get(i).getBytes(StandardCharsets.UTF_8);
            if (names[i].length > MAX_IDENTITY_BYTES) {
                throw new IllegalArgumentException("device identity longer than " + MAX_IDENTITY_BYTES + " bytes");
            }
            size += 2 + names[i].length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(MAGIC).putShort((short) VERSION).put((byte) PathLayout.LOW_BITS).put((byte) 0);
        b.putLong(t.generation()).putLong(t.savedAtMillis());
        b.putInt(names.length);
        for (byte[] n : names) {
            b.putShort((short) n.length).put(n);
        }
        b.putInt(t.prefixes().size());
        for (TableContents.PrefixEntry e : t.prefixes()) {
            b.putInt(e.device()).putShort((short) e.high()).putShort((short) e.prefix());
        }
        b.putInt(t.pins().size());
        for (TableContents.PinEntry e : t.pins()) {
            b.putInt(e.device()).putLong(e.inode()).putLong(e.path());
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    static TableContents decode(byte[] raw) throws TableFormatException {
        if (raw.length < HEADER + 16) {
            throw new TableFormatException("truncated: " + raw.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new TableFormatException("bad magic");
        }
        int version = Short.toUnsignedInt(b.getShort());
        if (version != VERSION) {
            throw new TableFormatException("unknown version " + version);
        }
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, raw.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(raw, raw.length - 4, 4).getInt()) {
            throw new TableFormatException("CRC32C mismatch");
        }
        int lowBits = b.get();
        if (lowBits != PathLayout.LOW_BITS || b.get() != 0) {
            throw new TableFormatException("unsupported layout (low bits " + lowBits + ")");
        }
        try {
            return body(b.getLong(), b.getLong(), b.limit(raw.length - 4));
        } catch (BufferUnderflowException e) {
            throw new TableFormatException("truncated content");
        }
    }

    private static TableContents body(long generation, long savedAt, ByteBuffer b) throws TableFormatException {
        int ndevices = count(b, 2);
        List<String> devices = new ArrayList<>(ndevices);
        Set<String> seenDevices = new HashSet<>();
        for (int i = 0; i < ndevices; i++) {
            int len = Short.toUnsignedInt(b.getShort());
            if (len > MAX_IDENTITY_BYTES || len > b.remaining()) {
                throw new TableFormatException("device identity of " + len + " bytes");
            }
            byte[] name = new byte[len];
            b.get(name);
            String identity = utf8(name);
            if (!seenDevices.add(identity)) {
                throw new TableFormatException("device '" + identity + "' listed twice");
            }
            devices.add(identity);
        }
        int nprefixes = count(b, PREFIX_BYTES);
        List<TableContents.PrefixEntry> prefixes = new ArrayList<>(nprefixes);
        Set<Long> prefixKeys = new HashSet<>();
        Set<Integer> prefixValues = new HashSet<>();
        for (int i = 0; i < nprefixes; i++) {
            int device = device(b.getInt(), ndevices);
            int high = Short.toUnsignedInt(b.getShort());
            int prefix = Short.toUnsignedInt(b.getShort());
            if (prefix < 1 || prefix > PathLayout.MAX_PREFIX) {
                throw new TableFormatException("prefix " + prefix + " out of range");
            }
            if (!prefixKeys.add(((long) device << 16) | high) || !prefixValues.add(prefix)) {
                throw new TableFormatException("prefix " + prefix + " or its key given twice");
            }
            prefixes.add(new TableContents.PrefixEntry(device, high, prefix));
        }
        int npins = count(b, PIN_BYTES);
        List<TableContents.PinEntry> pins = new ArrayList<>(npins);
        Set<FullKey> pinKeys = new HashSet<>();
        Set<Long> pinValues = new HashSet<>();
        for (int i = 0; i < npins; i++) {
            int device = device(b.getInt(), ndevices);
            long inode = b.getLong();
            long path = b.getLong();
            if ((path & PathLayout.FULL_MAP) == 0) {
                throw new TableFormatException("pinned path without the full-map bit");
            }
            if (!pinKeys.add(new FullKey(device, inode)) || !pinValues.add(path)) {
                throw new TableFormatException("pinned path or its key given twice");
            }
            pins.add(new TableContents.PinEntry(device, inode, path));
        }
        if (b.hasRemaining()) {
            throw new TableFormatException(b.remaining() + " trailing bytes");
        }
        return new TableContents(generation, savedAt, devices, prefixes, pins);
    }

    /** A count, checked against the bytes left so that a corrupt count cannot make us allocate much. */
    private static int count(ByteBuffer b, int minBytesEach) throws TableFormatException {
        long n = Integer.toUnsignedLong(b.getInt());
        if (n * minBytesEach > b.remaining()) {
            throw new TableFormatException("count " + n + " exceeds the file");
        }
        return (int) n;
    }

    private static int device(int index, int ndevices) throws TableFormatException {
        if (index < 0 || index >= ndevices) {
            throw new TableFormatException("device index " + index + " out of range");
        }
        return index;
    }

    private static String utf8(byte[] raw) throws TableFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new TableFormatException("device identity is not UTF-8");
        }
    }
}
