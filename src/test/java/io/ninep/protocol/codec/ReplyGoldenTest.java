package io.ninep.protocol.codec;

import io.ninep.protocol.Dirent;
import io.ninep.protocol.Qid;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Rmessage.Rattach;
import io.ninep.protocol.Rmessage.Rauth;
import io.ninep.protocol.Rmessage.Rclunk;
import io.ninep.protocol.Rmessage.Rflush;
import io.ninep.protocol.Rmessage.Rfsync;
import io.ninep.protocol.Rmessage.Rgetattr;
import io.ninep.protocol.Rmessage.Rgetlock;
import io.ninep.protocol.Rmessage.Rlcreate;
import io.ninep.protocol.Rmessage.Rlerror;
import io.ninep.protocol.Rmessage.Rlink;
import io.ninep.protocol.Rmessage.Rlock;
import io.ninep.protocol.Rmessage.Rlopen;
import io.ninep.protocol.Rmessage.Rmkdir;
import io.ninep.protocol.Rmessage.Rmknod;
import io.ninep.protocol.Rmessage.Rread;
import io.ninep.protocol.Rmessage.Rreaddir;
import io.ninep.protocol.Rmessage.Rreadlink;
import io.ninep.protocol.Rmessage.Rremove;
import io.ninep.protocol.Rmessage.Rrename;
import io.ninep.protocol.Rmessage.Rrenameat;
import io.ninep.protocol.Rmessage.Rsetattr;
import io.ninep.protocol.Rmessage.Rstatfs;
import io.ninep.protocol.Rmessage.Rsymlink;
import io.ninep.protocol.Rmessage.Runlinkat;
import io.ninep.protocol.Rmessage.Rversion;
import io.ninep.protocol.Rmessage.Rwalk;
import io.ninep.protocol.Rmessage.Rwrite;
import io.ninep.protocol.Rmessage.Rxattrcreate;
import io.ninep.protocol.Rmessage.Rxattrwalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reply, as fixed wire bytes written by hand from PROTOCOL.md's table (Rgetattr checked
 * against Linux's "qQdugqqqqqqqqqqqqqqq"). A qid is written "type[1] version[4] path[8]".
 */
class ReplyGoldenTest {
    private static final int TAG = 0x1234;

    static Stream<Arguments> replies() {
        return Stream.of(
                golden("Rlerror", "0b000000 07 3412 02000000", TAG, new Rlerror(2)),
                golden("Rstatfs", "43000000 09 3412 94190201 00100000 e803000000000000 f401000000000000"
                                + " 9001000000000000 2c01000000000000 c800000000000000 8877665544332211 ff000000",
                        TAG, new Rstatfs(0x01021994, 4096, 1000, 500, 400, 300, 200, 0x1122334455667788L, 255)),
                golden("Rlopen", "18000000 0d 3412 00 07000000 4200000000000000 00000000",
                        TAG, new Rlopen(new Qid(0, 7, 0x42), 0)),
                golden("Rlcreate", "18000000 0f 3412 00 01000000 4300000000000000 00100000",
                        TAG, new Rlcreate(new Qid(0, 1, 0x43), 0x1000)),
                golden("Rsymlink", "14000000 11 3412 02 00000000 4400000000000000",
                        TAG, new Rsymlink(new Qid(Qid.SYMLINK, 0, 0x44))),
                golden("Rmknod", "14000000 13 3412 00 00000000 4500000000000000", TAG, new Rmknod(new Qid(0, 0, 0x45))),
                golden("Rrename", "07000000 15 3412", TAG, new Rrename()),
                golden("Rreadlink", "0d000000 17 3412 0400 2e2e2f74", TAG, new Rreadlink("../t")),
                golden("Rgetattr", "a0000000 19 3412 ff07000000000000 80 04030201 8877665544332211"
                                + " ed410000 e8030000 e9030000 0200000000000000 0000000000000000"
                                + " 0010000000000000 0010000000000000 0800000000000000"
                                + " 0100000000000000 0200000000000000 0300000000000000 0400000000000000"
                                + " 0500000000000000 0600000000000000 0700000000000000 0800000000000000"
                                + " 0900000000000000 0a00000000000000",
                        TAG, new Rgetattr(0x7ff, new Qid(Qid.DIR, 0x01020304, 0x1122334455667788L), 040755, 1000, 1001,
                                2, 0, 4096, 4096, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
                golden("Rsetattr", "07000000 1b 3412", TAG, new Rsetattr()),
                golden("Rxattrwalk", "0f000000 1f 3412 2000000000000000", TAG, new Rxattrwalk(0x20)),
                golden("Rxattrcreate", "07000000 21 3412", TAG, new Rxattrcreate()),
                golden("Rreaddir", "40000000 29 3412 35000000"
                                + " 80 00000000 0100000000000000 0100000000000000 04 0100 2e"
                                + " 00 03000000 9900000000000000 0200000000000000 08 0400 66696c65",
                        TAG, new Rreaddir(List.of(new Dirent(new Qid(Qid.DIR, 0, 1), 1, 4, "."),
                                new Dirent(new Qid(0, 3, 0x99), 2, 8, "file")))),
                golden("Rreaddir end", "0b000000 29 3412 00000000", TAG, new Rreaddir(List.of())),
                golden("Rfsync", "07000000 33 3412", TAG, new Rfsync()),
                golden("Rlock", "08000000 35 3412 01", TAG, new Rlock(1)),
                golden("Rgetlock", "1f000000 37 3412 02 1000000000000000 2000000000000000 63000000 0100 63",
                        TAG, new Rgetlock(2, 0x10, 0x20, 99, "c")),
                golden("Rlink", "07000000 47 3412", TAG, new Rlink()),
                golden("Rmkdir", "14000000 49 3412 80 00000000 4600000000000000",
                        TAG, new Rmkdir(new Qid(Qid.DIR, 0, 0x46))),
                golden("Rrenameat", "07000000 4b 3412", TAG, new Rrenameat()),
                golden("Runlinkat", "07000000 4d 3412", TAG, new Runlinkat()),
                golden("Rversion", "15000000 65 ffff 00000200 0800 3950323030302e4c",
                        0xffff, new Rversion(0x20000, "9P2000.L")),
                golden("Rauth", "14000000 67 3412 08 00000000 4700000000000000",
                        TAG, new Rauth(new Qid(Qid.AUTH, 0, 0x47))),
                golden("Rattach", "14000000 69 3412 80 00000000 4800000000000000",
                        TAG, new Rattach(new Qid(Qid.DIR, 0, 0x48))),
                golden("Rflush", "07000000 6d 3412", TAG, new Rflush()),
                golden("Rwalk", "23000000 6f 3412 0200 80 00000000 4900000000000000 00 01000000 4a00000000000000",
                        TAG, new Rwalk(List.of(new Qid(Qid.DIR, 0, 0x49), new Qid(0, 1, 0x4a)))),
                golden("Rwalk clone", "09000000 6f 3412 0000", TAG, new Rwalk(List.of())),
                golden("Rread", "0e000000 75 3412 03000000 616263",
                        TAG, new Rread(ByteBuffer.wrap("abc".getBytes(StandardCharsets.US_ASCII)))),
                golden("Rwrite", "0b000000 77 3412 03000000", TAG, new Rwrite(3)),
                golden("Rclunk", "07000000 79 3412", TAG, new Rclunk()),
                golden("Rremove", "07000000 7b 3412", TAG, new Rremove()),
                golden("unsigned extremes", "14000000 69 0000 ff ffffffff ffffffffffffffff",
                        0, new Rattach(new Qid(255, 0xffffffff, -1L))));
    }

    private static Arguments golden(String name, String hex, int tag, Rmessage message) {
        return Arguments.of(name, hex, tag, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void encodesToHandWrittenBytes(String name, String hex, int tag, Rmessage message) {
        ByteBuffer encoded = ReplyEncoder.encode(tag, message);
        assertEquals(0, encoded.position());
        assertEquals(encoded.capacity(), encoded.limit(), "exactly sized");
        assertEquals(Hex.format(Hex.buffer(hex)), Hex.format(encoded));
        assertEquals(encoded.remaining(), ReplyEncoder.encodedSize(message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void decodesHandWrittenBytes(String name, String hex, int tag, Rmessage message) {
        assertEquals(new ReplyDecoded.Ok(tag, message), ReplyDecoder.decode(Hex.buffer(hex)));
    }

    @Test
    void rreadDataIsAReadOnlyViewOfTheFrame() {
        ReplyDecoded decoded = ReplyDecoder.decode(Hex.buffer("0e000000 75 3412 03000000 616263"));
        Rread read = (Rread) assertInstanceOf(ReplyDecoded.Ok.class, decoded).message();
        assertTrue(read.data().isReadOnly());
        assertEquals(3, read.data().remaining());
    }

    @Test
    void encodingRreadLeavesItsDataUnread() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3});
        ReplyEncoder.encode(1, new Rread(data));
        assertEquals(3, data.remaining());
    }

    @Test
    void rreaddirCountIsTheSumOfEntryWireSizes() {
        Dirent a = new Dirent(new Qid(0, 0, 1), 1, 8, "abc");
        Dirent b = new Dirent(new Qid(0, 0, 2), 2, 8, "\u00e9");
        assertEquals(7 + 4 + a.wireSize() + b.wireSize(), ReplyEncoder.encodedSize(new Rreaddir(List.of(a, b))));
    }
}
