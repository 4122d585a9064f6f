package io.ninep.protocol.codec;

import io.ninep.protocol.Dirent;
import io.ninep.protocol.Qid;
import io.ninep.protocol.Rmessage.Rattach;
import io.ninep.protocol.Rmessage.Rlock;
import io.ninep.protocol.Rmessage.Rreaddir;
import io.ninep.protocol.Rmessage.Rwalk;
import io.ninep.protocol.Tmessage.Tclunk;
import io.ninep.protocol.Tmessage.Tflush;
import io.ninep.protocol.Tmessage.Tlock;
import io.ninep.protocol.Tmessage.Tmkdir;
import io.ninep.protocol.Tmessage.Twalk;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Encoders refuse values that would put different bytes on the wire than the record says. */
class EncoderLimitsTest {

    @Test
    void tagAboveSixteenBitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RequestEncoder.encode(0x10000, new Tclunk(1)));
        assertThrows(IllegalArgumentException.class, () -> ReplyEncoder.encode(-1, new Rlock(0)));
    }

    @Test
    void oneAndTwoByteFieldsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RequestEncoder.encode(1, new Tflush(0x10000)));
        assertThrows(IllegalArgumentException.class, () -> RequestEncoder.encode(1, new Tlock(1, 256, 0, 0, 0, 0, "")));
        assertThrows(IllegalArgumentException.class, () -> ReplyEncoder.encode(1, new Rlock(-1)));
        assertThrows(IllegalArgumentException.class, () -> ReplyEncoder.encode(1, new Rattach(new Qid(0x100, 0, 0))));
        assertThrows(IllegalArgumentException.class,
                () -> ReplyEncoder.encodedSize(new Rreaddir(List.of(new Dirent(new Qid(0, 0, 0), 0, 300, "x")))));
    }

    @Test
    void stringLongerThanLenTwoAllowsIsRefused() {
        String name = "a".repeat(0x10000);
        assertThrows(IllegalArgumentException.class, () -> RequestEncoder.encode(1, new Tmkdir(1, name, 0, 0)));
    }

    @Test
    void longestStringIsAccepted() {
        String name = "a".repeat(0xFFFF);
        assertEquals(7 + 4 + 2 + 0xFFFF + 8, RequestEncoder.encode(1, new Tmkdir(1, name, 0, 0)).remaining());
    }

    @Test
    void moreThanMaxwelemNamesOrQidsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RequestEncoder.encode(1, new Twalk(1, 2, Collections.nCopies(17, "a"))));
        assertThrows(IllegalArgumentException.class,
                () -> ReplyEncoder.encode(1, new Rwalk(Collections.nCopies(17, new Qid(0, 0, 0)))));
    }
}
