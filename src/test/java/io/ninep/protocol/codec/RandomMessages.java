package io.ninep.protocol.codec;

import io.ninep.protocol.Dirent;
import io.ninep.protocol.Qid;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helper: random valid messages of every type, with values across each field's whole range. */
final class RandomMessages {
    private final Random random;

    RandomMessages(Random random) {
        this.random = random;
    }

    Tmessage request() {
        return switch (random.nextInt(28)) {
            case 0 -> new Tmessage.Tstatfs(u32());
            case 1 -> new Tmessage.Tlopen(u32(), u32());
            case 2 -> new Tmessage.Tlcreate(u32(), str(), u32(), u32(), u32());
            case 3 -> new Tmessage.Tsymlink(u32(), str(), str(), u32());
            case 4 -> new Tmessage.Tmknod(u32(), str(), u32(), u32(), u32(), u32());
            case 5 -> new Tmessage.Trename(u32(), u32(), str());
            case 6 -> new Tmessage.Treadlink(u32());
            case 7 -> new Tmessage.Tgetattr(u32(), u64());
            case 8 -> new Tmessage.Tsetattr(u32(), u32(), u32(), u32(), u32(), u64(), u64(), u64(), u64(), u64());
            case 9 -> new Tmessage.Txattrwalk(u32(), u32(), str());
            case 10 -> new Tmessage.Txattrcreate(u32(), str(), u64(), u32());
            case 11 -> new Tmessage.Treaddir(u32(), u64(), u32());
            case 12 -> new Tmessage.Tfsync(u32(), u32());
            case 13 -> new Tmessage.Tlock(u32(), u8(), u32(), u64(), u64(), u32(), str());
            case 14 -> new Tmessage.Tgetlock(u32(), u8(), u64(), u64(), u32(), str());
            case 15 -> new Tmessage.Tlink(u32(), u32(), str());
            case 16 -> new Tmessage.Tmkdir(u32(), str(), u32(), u32());
            case 17 -> new Tmessage.Trenameat(u32(), str(), u32(), str());
            case 18 -> new Tmessage.Tunlinkat(u32(), str(), u32());
            case 19 -> new Tmessage.Tversion(u32(), str());
            case 20 -> new Tmessage.Tauth(u32(), str(), str(), u32());
            case 21 -> new Tmessage.Tattach(u32(), u32(), str(), str(), u32());
            case 22 -> new Tmessage.Tflush(random.nextInt(0x10000));
            case 23 -> new Tmessage.Twalk(u32(), u32(), strings(random.nextInt(17)));
            case 24 -> new Tmessage.Tread(u32(), u64(), u32());
            case 25 -> new Tmessage.Twrite(u32(), u64(), data());
            case 26 -> new Tmessage.Tclunk(u32());
            default -> new Tmessage.Tremove(u32());
        };
    }

    Rmessage reply() {
        return switch (random.nextInt(29)) {
            case 0 -> new Rmessage.Rlerror(u32());
            case 1 -> new Rmessage.Rstatfs(u32(), u32(), u64(), u64(), u64(), u64(), u64(), u64(), u32());
            case 2 -> new Rmessage.Rlopen(qid(), u32());
            case 3 -> new Rmessage.Rlcreate(qid(), u32());
            case 4 -> new Rmessage.Rsymlink(qid());
            case 5 -> new Rmessage.Rmknod(qid());
            case 6 -> new Rmessage.Rrename();
            case 7 -> new Rmessage.Rreadlink(str());
            case 8 -> new Rmessage.Rgetattr(u64(), qid(), u32(), u32(), u32(), u64(), u64(), u64(), u64(), u64(),
                    u64(), u64(), u64(), u64(), u64(), u64(), u64(), u64(), u64(), u64());
            case 9 -> new Rmessage.Rsetattr();
            case 10 -> new Rmessage.Rxattrwalk(u64());
            case 11 -> new Rmessage.Rxattrcreate();
            case 12 -> new Rmessage.Rreaddir(dirents());
            case 13 -> new Rmessage.Rfsync();
            case 14 -> new Rmessage.Rlock(u8());
            case 15 -> new Rmessage.Rgetlock(u8(), u64(), u64(), u32(), str());
            case 16 -> new Rmessage.Rlink();
            case 17 -> new Rmessage.Rmkdir(qid());
            case 18 -> new Rmessage.Rrenameat();
            case 19 -> new Rmessage.Runlinkat();
            case 20 -> new Rmessage.Rversion(u32(), str());
            case 21 -> new Rmessage.Rauth(qid());
            case 22 -> new Rmessage.Rattach(qid());
            case 23 -> new Rmessage.Rflush();
            case 24 -> new Rmessage.Rwalk(qids(random.nextInt(17)));
            case 25 -> new Rmessage.Rread(data());
            case 26 -> new Rmessage.Rwrite(u32());
            case 27 -> new Rmessage.Rclunk();
            default -> new Rmessage.Rremove();
        };
    }

    private int u8() {
        return random.nextInt(256);
    }

    private int u32() {
        return random.nextInt();
    }

    private long u64() {
        return random.nextLong();
    }

    private Qid qid() {
        return new Qid(u8(), u32(), u64());
    }

    /** Up to 12 code points from all planes, without NUL or lone surrogates (which 9P strings cannot carry). */
    private String str() {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(13); n > 0; n--) {
            int codePoint = switch (random.nextInt(3)) {
                case 0 -> 1 + random.nextInt(0x7f);
                case 1 -> 0x80 + random.nextInt(0xD800 - 0x80);
                default -> 0xE000 + random.nextInt(0x110000 - 0xE000);
            };
            s.appendCodePoint(codePoint);
        }
        return s.toString();
    }

    private List<String> strings(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(str());
        }
        return out;
    }

    private List<Qid> qids(int count) {
        List<Qid> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(qid());
        }
        return out;
    }

    private List<Dirent> dirents() {
        List<Dirent> out = new ArrayList<>();
        for (int n = random.nextInt(6); n > 0; n--) {
            out.add(new Dirent(qid(), u64(), u8(), str()));
        }
        return out;
    }

    private ByteBuffer data() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
    }
}
