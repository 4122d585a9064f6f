package io.ninep.fs.local;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.ninep.fs.FsStats;

/** Decodes {@code struct statfs} as x86_64 lays it out (word-sized fields, 120 bytes). */
final class StatfsLayout {
    static final int SIZE = 120;

    private StatfsLayout() {
    }

    static FsStats decode(byte[] raw) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long fsid = Integer.toUnsignedLong(b.getInt(56)) | ((long) b.getInt(60) << 32);
        return new FsStats((int) b.getLong(0), (int) b.getLong(8), b.getLong(16), b.getLong(24), b.getLong(32),
                b.getLong(40), b.getLong(48), fsid, (int) b.getLong(64));
    }
}
