package io.ninep.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.ninep.protocol.P9;
import io.ninep.protocol.Tmessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns fuzzer bytes into well-formed requests of every 9P2000.L type. Fields come mostly from small
 * pools (a handful of fids, names that matter to path resolution, the flags Linux sends) so that
 * requests act on each other — a walk binds the fid a later open uses — and now and then from the whole
 * range of the field, so that the server also sees what no kernel sends.
 */
final class RequestMaker {
    static final int TYPES = 28;

    private static final int[] FIDS = {0, 1, 2, 3, 4, 5, 6, 7, P9.NOFID};
    private static final String[] NAMES = {"a", "b", "c", "d", ".", "..", "", "a/b", "été", "x".repeat(255),
            "y".repeat(256)};
    private static final int[] OPEN_FLAGS = {0, 1, 2, 0100 | 2, 0100 | 0200 | 2, 01000 | 1, 02000 | 1, 0200000,
            0400000, 04000 | 2};
    private static final int[] MODES = {0644, 0755, 0, 07777, 0100644, 040755, 0120777, 010644, 020644};
    private static final long[] OFFSETS = {0, 1, 4095, 4096, 1L << 20, 1L << 40, Long.MAX_VALUE, -1};
    private static final String[] VERSIONS = {P9.VERSION_9P2000_L, "9P2000", "9P2000.u", "", "9P2000.L.x"};
    private static final String[] UNAMES = {"root", "nobody", ""};
    private static final String[] ANAMES = {"", FuzzConfig.EXPORT, "nonexistent", "/"};

    private final FuzzedDataProvider data;

    RequestMaker(FuzzedDataProvider data) {
        this.data = data;
    }

    /** A request of type index {@code kind} (0..TYPES-1); Tversion and Tflush are made by their own methods. */
    Tmessage request(int kind, int msize) {
        return switch (kind) {
            case 0 -> new Tmessage.Tstatfs(fid());
            case 1 -> new Tmessage.Tlopen(fid(), flags());
            case 2 -> new Tmessage.Tlcreate(fid(), name(), flags(), mode(), u32());
            case 3 -> new Tmessage.Tsymlink(fid(), name(), name(), u32());
            case 4 -> new Tmessage.Tmknod(fid(), name(), mode(), u32(), u32(), u32());
            case 5 -> new Tmessage.Trename(fid(), fid(), name());
            case 6 -> new Tmessage.Treadlink(fid());
            case 7 -> new Tmessage.Tgetattr(fid(), data.consumeBoolean() ? P9.GETATTR_ALL : data.consumeLong());
            case 8 -> new Tmessage.Tsetattr(fid(), data.consumeInt(0, 0x1FF), mode(), u32(), u32(), offset(),
                    data.consumeLong(), data.consumeLong(), data.consumeLong(), data.consumeLong());
            case 9 -> new Tmessage.Txattrwalk(fid(), fid(), name());
            case 10 -> new Tmessage.Txattrcreate(fid(), name(), offset(), data.consumeInt(0, 3));
            case 11 -> new Tmessage.Treaddir(fid(), offset(), count(msize));
            case 12 -> new Tmessage.Tfsync(fid(), data.consumeInt(0, 1));
            case 13 -> new Tmessage.Tlock(fid(), data.consumeInt(0, 3), data.consumeInt(0, 3), offset(), offset(),
                    data.consumeInt(0, 3), name());
            case 14 -> new Tmessage.Tgetlock(fid(), data.consumeInt(0, 3), offset(), offset(),
                    data.consumeInt(0, 3), name());
            case 15 -> new Tmessage.Tlink(fid(), fid(), name());
            case 16 -> new Tmessage.Tmkdir(fid(), name(), mode(), u32());
            case 17 -> new Tmessage.Trenameat(fid(), name(), fid(), name());
            case 18 -> new Tmessage.Tunlinkat(fid(), name(),
                    data.consumeInt(0, 7) == 0 ? u32() : data.pickValue(new int[] {0, 0x200}));
            case 19 -> version();
            case 20 -> new Tmessage.Tauth(fid(), data.pickValue(UNAMES), data.pickValue(ANAMES), u32());
            case 21 -> attach(fid());
            case 22 -> new Tmessage.Tflush(data.consumeInt(0, P9.NOTAG));
            case 23 -> walk();
            case 24 -> new Tmessage.Tread(fid(), offset(), count(msize));
            case 25 -> new Tmessage.Twrite(fid(), offset(), payload(msize));
            case 26 -> new Tmessage.Tclunk(fid());
            default -> new Tmessage.Tremove(fid());
        };
    }

    /** Offers from the smallest msize the server accepts to 4 GiB - 1, and one it refuses as too small. */
    Tmessage.Tversion version() {
        int msize = data.pickValue(new int[] {P9.MIN_MSIZE, 8192, 65536, 1 << 20, 2 << 20, 100, -1});
        return new Tmessage.Tversion(msize, data.pickValue(VERSIONS));
    }

    Tmessage.Tattach attach(int fid) {
        return new Tmessage.Tattach(fid, data.consumeInt(0, 7) == 0 ? u32() : P9.NOFID, data.pickValue(UNAMES),
                data.pickValue(ANAMES), data.consumeBoolean() ? 0 : u32());
    }

    /** A frame of any type byte with a body of fuzzer bytes and an honest size field. */
    byte[] rawFrame(int tag) {
        int type = data.consumeInt(0, 3) == 0 ? data.consumeInt(0, 255)
                : data.pickValue(WireTypes.REQUESTS);
        byte[] body = data.consumeBytes(data.consumeInt(0, 64));
        byte[] frame = new byte[7 + body.length];
        frame[4] = (byte) type;
        frame[5] = (byte) tag;
        frame[6] = (byte) (tag >>> 8);
        System.arraycopy(body, 0, frame, 7, body.length);
        return WireTypes.withTrueSize(frame);
    }

    /** A size field the server must refuse: below a header, or above msize. */
    long brokenSize(int msize) {
        return data.pickValue(new long[] {0, 1, 6, Integer.toUnsignedLong(msize) + 1, 0xFFFFFFFFL});
    }

    int fid() {
        return data.consumeInt(0, 15) == 0 ? data.consumeInt() : data.pickValue(FIDS);
    }

    private Tmessage.Twalk walk() {
        int n = data.consumeInt(0, 3) == 0 ? data.consumeInt(0, P9.MAXWELEM) : data.consumeInt(0, 2);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(name());
        }
        return new Tmessage.Twalk(fid(), fid(), names);
    }

    private String name() {
        return data.consumeInt(0, 7) == 0 ? data.consumeString(16) : data.pickValue(NAMES);
    }

    private int flags() {
        return data.consumeInt(0, 7) == 0 ? u32() : data.pickValue(OPEN_FLAGS);
    }

    private int mode() {
        return data.consumeInt(0, 7) == 0 ? u32() : data.pickValue(MODES);
    }

    private long offset() {
        return data.consumeInt(0, 7) == 0 ? data.consumeLong() : data.pickValue(OFFSETS);
    }

    private int count(int msize) {
        return data.pickValue(new int[] {0, 1, 100, 4096, msize - P9.IOHDRSZ, msize - P9.IOHDRSZ + 1, msize, -1});
    }

    /** Fuzzer bytes, sometimes padded to exactly the largest payload msize allows. */
    private ByteBuffer payload(int msize) {
        byte[] bytes = data.consumeBytes(data.consumeInt(0, 256));
        if (data.consumeInt(0, 15) == 0) {
            byte[] full = new byte[msize - P9.IOHDRSZ];
            System.arraycopy(bytes, 0, full, 0, Math.min(bytes.length, full.length));
            bytes = full;
        }
        return ByteBuffer.wrap(bytes);
    }

    private int u32() {
        return data.consumeInt();
    }
}
