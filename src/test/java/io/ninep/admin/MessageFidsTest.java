package io.ninep.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.protocol.P9;
import io.ninep.protocol.Tmessage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MessageFidsTest {

    @Test
    void fileOperationsReportTheFidTheyActOn() {
        assertEquals(OptionalLong.of(7), MessageFids.of(new Tmessage.Tread(7, 0, 10)));
        assertEquals(OptionalLong.of(7), MessageFids.of(new Tmessage.Twrite(7, 0, ByteBuffer.allocate(1))));
        assertEquals(OptionalLong.of(3), MessageFids.of(new Tmessage.Twalk(3, 4, List.of("a"))));
        assertEquals(OptionalLong.of(9), MessageFids.of(new Tmessage.Tstatfs(9)));
        assertEquals(OptionalLong.of(1), MessageFids.of(new Tmessage.Tattach(1, P9.NOFID, "u", "", 0)));
    }

    @Test
    void directoryOperationsReportTheDirectoryFid() {
        assertEquals(OptionalLong.of(5), MessageFids.of(new Tmessage.Tmkdir(5, "d", 0755, 0)));
        assertEquals(OptionalLong.of(5), MessageFids.of(new Tmessage.Tunlinkat(5, "d", 0)));
        assertEquals(OptionalLong.of(5), MessageFids.of(new Tmessage.Trenameat(5, "a", 6, "b")));
        assertEquals(OptionalLong.of(5), MessageFids.of(new Tmessage.Tmknod(5, "p", 010644, 0, 0, 0)));
    }

    @Test
    void fidsAreUnsigned() {
        assertEquals(OptionalLong.of(0xFFFF_FFFFL), MessageFids.of(new Tmessage.Tclunk(-1)));
    }

    @Test
    void sessionMessagesNameNoFid() {
        assertTrue(MessageFids.of(new Tmessage.Tversion(8192, P9.VERSION_9P2000_L)).isEmpty());
        assertTrue(MessageFids.of(new Tmessage.Tflush(3)).isEmpty());
    }
}
