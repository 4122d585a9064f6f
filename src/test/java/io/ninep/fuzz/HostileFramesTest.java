package io.ninep.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.server.protocol.NinepServerTestBase;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames no kernel sends, written byte by byte to a real server port: a size field outside 7..msize
 * breaks framing for good and closes the connection; every other malformed frame has an intact header,
 * so it is answered on its tag and the connection stays usable (STYLE.md: a malformed frame becomes a
 * value, and the connection decides).
 */
@QuarkusTest
class HostileFramesTest extends NinepServerTestBase {
    private static final int SMALL_MSIZE = 8192;

    /** A raw connection after Tversion at {@link #SMALL_MSIZE} and Tattach of fid 1. */
    private RawPeer versioned() throws Exception {
        RawPeer peer = RawPeer.connect(server.port());
        assertInstanceOf(Rmessage.Rversion.class, peer.call(P9.NOTAG, new Tmessage.Tversion(SMALL_MSIZE,
                P9.VERSION_9P2000_L)));
        assertInstanceOf(Rmessage.Rattach.class, peer.call(0, new Tmessage.Tattach(1, P9.NOFID, "root", "", 0)));
        return peer;
    }

    /** The connection still answers a well-formed request. */
    private static void assertUsable(RawPeer peer) throws Exception {
        assertInstanceOf(Rmessage.Rgetattr.class, peer.call(9, new Tmessage.Tgetattr(1, P9.GETATTR_BASIC)));
    }

    private static void assertLerror(Errno expected, Rmessage reply) {
        assertEquals(new Rmessage.Rlerror(expected.number()), reply);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 6, SMALL_MSIZE + 1, 0xFFFFFFFFL})
    void sizeFieldOutsideSevenToMsizeClosesTheConnection(long size) throws Exception {
        long decodeErrors = server.stats().decodeErrors.get();
        try (RawPeer peer = versioned()) {
            peer.send(FrameBytes.of(WireTypes.TCLUNK, 5).u32(1).withSize(size));
            assertTrue(peer.closedByServerWithin(Duration.ofSeconds(5)), "still open after size field " + size);
        }
        assertTrue(server.stats().decodeErrors.get() > decodeErrors);
    }

    @Test
    void sizeFieldOfFourGibBeforeTversionClosesTheConnection() throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            peer.send(FrameBytes.of(WireTypes.TVERSION, P9.NOTAG).u32(SMALL_MSIZE).str(P9.VERSION_9P2000_L)
                    .withSize(0xFFFFFFFFL));
            assertTrue(peer.closedByServerWithin(Duration.ofSeconds(5)));
        }
    }

    @Test
    void headerOnlyFrameOfATypeWithABodyGetsEprotoOnItsTag() throws Exception {
        try (RawPeer peer = versioned()) {
            peer.send(FrameBytes.of(WireTypes.TCLUNK, 5).build());
            var reply = peer.reply(Duration.ofSeconds(10));
            assertEquals(5, reply.tag());
            assertLerror(Errno.EPROTO, reply.message());
            assertUsable(peer);
        }
    }

    @Test
    void stringLengthBeyondTheFrameGetsEprotoAndTheConnectionStaysUsable() throws Exception {
        try (RawPeer peer = versioned()) {
            byte[] frame = FrameBytes.of(WireTypes.TWALK, 6).u32(1).u32(2).u16(1).u16(1000).u8('a').build();
            peer.send(frame);
            var reply = peer.reply(Duration.ofSeconds(10));
            assertEquals(6, reply.tag());
            assertLerror(Errno.EPROTO, reply.message());
            assertUsable(peer);
        }
    }

    @Test
    void seventeenWalkNamesGetEproto() throws Exception {
        try (RawPeer peer = versioned()) {
            FrameBytes walk = FrameBytes.of(WireTypes.TWALK, 7).u32(1).u32(2).u16(17);
            for (int i = 0; i < 17; i++) {
                walk.str("d" + i);
            }
            peer.send(walk.build());
            var reply = peer.reply(Duration.ofSeconds(10));
            assertEquals(7, reply.tag());
            assertLerror(Errno.EPROTO, reply.message());
            assertUsable(peer);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6, 99, 101, 112, 124, 200, 255})
    void unknownMessageTypeGetsEopnotsuppAndTheConnectionStaysUsable(int type) throws Exception {
        try (RawPeer peer = versioned()) {
            peer.send(FrameBytes.of(type, 8).u32(1).build());
            var reply = peer.reply(Duration.ofSeconds(10));
            assertEquals(8, reply.tag());
            assertLerror(Errno.EOPNOTSUPP, reply.message());
            assertUsable(peer);
        }
    }

    @Test
    void readCountBeyondMsizeIsClampedToMsizeMinus24() throws Exception {
        NinepClient writer = attached();
        String dir = freshDir(writer, 2);
        writer.walk(2, 3);
        writer.lcreate(3, "big", 2, 0644, 0);
        byte[] chunk = new byte[MSIZE - P9.IOHDRSZ];
        writer.write(3, 0, chunk);
        writer.clunk(3);
        try (RawPeer peer = versioned()) {
            assertInstanceOf(Rmessage.Rwalk.class, peer.call(1, new Tmessage.Twalk(1, 2, List.of(dir, "big"))));
            assertInstanceOf(Rmessage.Rlopen.class, peer.call(2, new Tmessage.Tlopen(2, 0)));
            for (long count : new long[] {SMALL_MSIZE, SMALL_MSIZE - P9.IOHDRSZ + 1, 0xFFFFFFFFL}) {
                peer.send(FrameBytes.of(WireTypes.TREAD, 3).u32(2).u64(0).u32(count).build());
                var reply = peer.reply(Duration.ofSeconds(10));
                assertEquals(3, reply.tag());
                Rmessage.Rread read = assertInstanceOf(Rmessage.Rread.class, reply.message());
                assertEquals(SMALL_MSIZE - P9.IOHDRSZ, read.data().remaining(), "count " + count);
            }
        }
    }

    @Test
    void versionOfferOfFourGibIsCutToTheServersMaximum() throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            Rmessage reply = peer.call(P9.NOTAG, new Tmessage.Tversion(-1, P9.VERSION_9P2000_L));
            assertEquals(new Rmessage.Rversion(MSIZE, P9.VERSION_9P2000_L), reply);
        }
    }

    @Test
    void versionOfferBelowTheMinimumIsRefusedAsUnknown() throws Exception {
        try (RawPeer peer = RawPeer.connect(server.port())) {
            Rmessage reply = peer.call(P9.NOTAG, new Tmessage.Tversion(0, P9.VERSION_9P2000_L));
            assertEquals(P9.VERSION_UNKNOWN, assertInstanceOf(Rmessage.Rversion.class, reply).version());
            assertLerror(Errno.EPROTO, peer.call(1, new Tmessage.Tattach(1, P9.NOFID, "root", "", 0)));
        }
    }
}
