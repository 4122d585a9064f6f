package io.ninep.protocol.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Split and coalesced network reads, and every framing error, through {@link FrameAssembler}. */
class FrameAssemblerTest {
    private static final String CLUNK = "0b000000 78 3412 05000000";
    private static final String FLUSH = "09000000 6c 0100 feff";
    private static final String VERSION = "15000000 64 ffff 00001000 0800 3950323030302e4c";
    private static final String EMPTY = "07000000 79 0200";

    private final List<byte[]> frames = new ArrayList<>();
    private final FrameAssembler assembler = new FrameAssembler(8192);

    private boolean feed(byte[] bytes, int from, int to) {
        return assembler.feed(ByteBuffer.wrap(bytes, from, to - from), memory -> {
            ByteBuffer frame = memory.buffer();
            assertEquals(0, frame.position());
            assertEquals(ByteOrder.LITTLE_ENDIAN, frame.order());
            frames.add(Hex.of(frame));
        });
    }

    private boolean feed(String hex) {
        byte[] bytes = Hex.bytes(hex);
        return feed(bytes, 0, bytes.length);
    }

    @Test
    void wholeFrameInOneChunk() {
        assertTrue(feed(CLUNK));
        assertEquals(1, frames.size());
        assertArrayEquals(Hex.bytes(CLUNK), frames.get(0));
        assertEquals(0, assembler.buffered());
    }

    @Test
    void byteByByteFeedingYieldsEachFrameOnce() {
        byte[] stream = Hex.bytes(CLUNK + VERSION + EMPTY);
        for (int i = 0; i < stream.length; i++) {
            assertTrue(feed(stream, i, i + 1));
        }
        assertEquals(3, frames.size());
        assertArrayEquals(Hex.bytes(CLUNK), frames.get(0));
        assertArrayEquals(Hex.bytes(VERSION), frames.get(1));
        assertArrayEquals(Hex.bytes(EMPTY), frames.get(2));
        assertEquals(0, assembler.buffered());
    }

    @ParameterizedTest(name = "split after {0} bytes")
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 10})
    void frameSplitAnywhereIncludingInsideTheSizeField(int split) {
        byte[] bytes = Hex.bytes(CLUNK);
        assertTrue(feed(bytes, 0, split));
        assertEquals(split, assembler.buffered());
        assertTrue(frames.isEmpty());
        assertTrue(feed(bytes, split, bytes.length));
        assertEquals(1, frames.size());
        assertArrayEquals(bytes, frames.get(0));
    }

    @Test
    void threeFramesInOneChunkComeOutInOrder() {
        assertTrue(feed(FLUSH + CLUNK + EMPTY));
        assertEquals(3, frames.size());
        assertArrayEquals(Hex.bytes(FLUSH), frames.get(0));
        assertArrayEquals(Hex.bytes(CLUNK), frames.get(1));
        assertArrayEquals(Hex.bytes(EMPTY), frames.get(2));
    }

    @Test
    void chunkEndingMidwayThroughTheNextFrameKeepsTheRest() {
        byte[] stream = Hex.bytes(CLUNK + VERSION);
        assertTrue(feed(stream, 0, 13));
        assertEquals(1, frames.size());
        assertEquals(2, assembler.buffered());
        assertTrue(feed(stream, 13, stream.length));
        assertEquals(2, frames.size());
        assertArrayEquals(Hex.bytes(VERSION), frames.get(1));
    }

    @Test
    void framesAreCopiesTheCallerMayReuseItsChunk() {
        byte[] bytes = Hex.bytes(CLUNK);
        List<ByteBuffer> kept = new ArrayList<>();
        assembler.feed(ByteBuffer.wrap(bytes), f -> kept.add(f.buffer()));
        bytes[7] = 0x7f;
        assertEquals(0x05, kept.get(0).get(7));
        assertEquals(11, kept.get(0).capacity(), "exactly sized");
    }

    @Test
    void largeFrameArrivingInManyChunksIsReassembled() {
        FrameAssembler big = new FrameAssembler(1 << 20);
        byte[] frame = new byte[300_000];
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(frame.length).put((byte) 118);
        for (int i = 7; i < frame.length; i++) {
            frame[i] = (byte) i;
        }
        List<ByteBuffer> out = new ArrayList<>();
        for (int at = 0; at < frame.length; at += 1000) {
            assertTrue(big.feed(ByteBuffer.wrap(frame, at, Math.min(1000, frame.length - at)), f -> out.add(f.buffer())));
        }
        assertEquals(1, out.size());
        assertArrayEquals(frame, Hex.of(out.get(0)));
        assertEquals(frame.length, out.get(0).capacity());
    }

    /** Counts what an allocator handed out and what came back, as a pooled allocator would see it. */
    private static final class CountingMemory {
        final List<FrameMemory> live = new ArrayList<>();
        int allocated;

        FrameMemory allocate(int capacity) {
            allocated++;
            FrameMemory heap = FrameMemory.heap(capacity);
            FrameMemory tracked = new FrameMemory() {
                @Override
                public ByteBuffer buffer() {
                    return heap.buffer();
                }

                @Override
                public void release() {
                    assertTrue(live.remove(this), "released twice");
                }
            };
            live.add(tracked);
            return tracked;
        }
    }

    @Test
    void outgrownBuffersAreReleasedAndTheFrameHandedOverIsNot() {
        CountingMemory memory = new CountingMemory();
        FrameAssembler big = new FrameAssembler(1 << 20, memory::allocate);
        byte[] frame = new byte[600_000];
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(frame.length).put((byte) 118);
        List<FrameMemory> out = new ArrayList<>();
        for (int at = 0; at < frame.length; at += 65536) {
            assertTrue(big.feed(ByteBuffer.wrap(frame, at, Math.min(65536, frame.length - at)), out::add));
        }
        assertEquals(1, out.size());
        assertEquals(2, memory.allocated, "four times the first read (256 KiB), then fourfold growth once");
        assertEquals(out, memory.live, "only the frame handed over is still held, by its new owner");
    }

    @Test
    void aFrameReadIntoItsOwnRoomArrivesWholeAndTheNextOneAfterIt() {
        CountingMemory memory = new CountingMemory();
        FrameAssembler big = new FrameAssembler(1 << 20, memory::allocate);
        byte[] frame = new byte[600_000];
        new SplittableRandom(8).nextBytes(frame);
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(frame.length).put((byte) 118);
        List<FrameMemory> out = new ArrayList<>();
        assertTrue(big.feed(ByteBuffer.wrap(frame, 0, 65536), out::add));
        int at = 65536;
        for (ByteBuffer room = big.room(32768); room != null; room = big.room(32768)) {
            int read = Math.min(room.remaining(), 100_000);
            room.put(frame, at, read);
            big.filled(read, out::add);
            at += read;
        }
        assertEquals(1, out.size(), "the reads into the room completed the frame");
        assertTrue(big.feed(Hex.buffer(CLUNK), out::add));
        assertEquals(2, out.size());
        assertArrayEquals(frame, Hex.of(out.get(0).buffer()));
        assertArrayEquals(Hex.bytes(CLUNK), Hex.of(out.get(1).buffer()));
        assertEquals(3, memory.allocated, "256 KiB, grown once to the frame's size, then the Tclunk");
    }

    @Test
    void thereIsNoRoomWithoutAFrameArrivingNorBeyondItsEnd() {
        FrameAssembler big = new FrameAssembler(1 << 20);
        assertNull(big.room(1));
        assertTrue(big.feed(Hex.buffer("10000000 76 0100 01"), f -> { }));
        assertNull(big.room(9), "8 bytes are missing");
        ByteBuffer room = big.room(8);
        assertEquals(8, room.remaining());
        assertThrows(IllegalArgumentException.class, () -> big.filled(9, f -> { }));
    }

    @Test
    void aFullFrameGrowsForItsRoomToNoMoreThanFourTimesWhatArrived() {
        CountingMemory memory = new CountingMemory();
        List<Integer> capacities = new ArrayList<>();
        FrameAssembler big = new FrameAssembler(1 << 20, capacity -> {
            capacities.add(capacity);
            return memory.allocate(capacity);
        });
        byte[] head = new byte[8192];
        ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).putInt(1 << 20).put((byte) 118);
        assertTrue(big.feed(ByteBuffer.wrap(head), f -> { }));
        assertEquals(List.of(32768), capacities, "four times the 8 KiB that arrived");
        ByteBuffer room = big.room(4096);
        assertEquals(32768 - 8192, room.remaining());
        room.put(new byte[room.remaining()]);
        big.filled(32768 - 8192, f -> { });
        assertEquals(131072 - 32768, big.room(4096).remaining(), "full at 32 KiB, grown fourfold");
        assertEquals(List.of(32768, 131072), capacities);
        big.discard();
        assertEquals(0, memory.live.size());
    }

    @Test
    void anAllocatorThatFailsBreaksTheStreamAndLeaksNothing() {
        CountingMemory memory = new CountingMemory();
        int[] calls = {0};
        FrameAssembler big = new FrameAssembler(1 << 20, capacity -> {
            if (++calls[0] == 2) {
                throw new OutOfMemoryError("no direct memory");
            }
            return memory.allocate(capacity);
        });
        byte[] frame = new byte[100_000];
        ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(frame.length).put((byte) 118);
        assertTrue(big.feed(ByteBuffer.wrap(frame, 0, 9000), f -> { }));
        assertThrows(OutOfMemoryError.class, () -> big.feed(ByteBuffer.wrap(frame, 9000, 50_000), f -> { }));
        assertFalse(big.feed(ByteBuffer.wrap(frame, 59_000, 41_000), f -> { }), "the stream cannot resynchronise");
        big.discard();
        assertEquals(0, memory.live.size(), "the frame being grown was released");
    }

    @Test
    void discardReleasesTheFrameStillArriving() {
        CountingMemory memory = new CountingMemory();
        FrameAssembler big = new FrameAssembler(1 << 20, memory::allocate);
        assertTrue(big.feed(ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 118, 1, 0, 9, 9, 9}), f -> { }));
        assertEquals(1, memory.live.size());
        big.discard();
        assertEquals(0, memory.live.size());
        assertEquals(0, big.buffered());
        big.discard();
    }

    @Test
    void announcedFrameHoldsOnlyTheBytesThatArrived() {
        FrameAssembler big = new FrameAssembler(1 << 20);
        assertTrue(big.feed(Hex.buffer("00001000 76 0100 01"), f -> { }));
        assertEquals(8, big.buffered());
    }

    @ParameterizedTest(name = "size field {0}")
    @ValueSource(strings = {"00000000", "01000000", "06000000", "01200000", "ffffffff", "00000080"})
    void impossibleSizeFieldIsAFramingError(String sizeField) {
        assertFalse(feed(sizeField + " 78 3412 05000000"));
        assertTrue(frames.isEmpty());
    }

    @Test
    void sizeFieldIsCheckedAsSoonAsItsFourBytesAreIn() {
        assertTrue(feed("ffff"));
        assertFalse(feed("ffff"));
    }

    @Test
    void sizeSevenWithNothingAfterItWaitsForTheHeader() {
        assertTrue(feed("07000000"));
        assertTrue(frames.isEmpty());
        assertEquals(4, assembler.buffered());
        assertTrue(feed("79 0200"));
        assertEquals(1, frames.size());
    }

    @Test
    void frameOfExactlyMaxFrameSizeIsAccepted() {
        FrameAssembler small = new FrameAssembler(11);
        List<ByteBuffer> out = new ArrayList<>();
        assertTrue(small.feed(Hex.buffer(CLUNK), f -> out.add(f.buffer())));
        assertEquals(1, out.size());
        assertFalse(small.feed(Hex.buffer("0c000000 78 3412 05000000 00"), f -> out.add(f.buffer())));
    }

    @Test
    void framesBeforeABadSizeAreDeliveredAndLaterFeedsAreRefused() {
        assertFalse(feed(CLUNK + "05000000 00"));
        assertEquals(1, frames.size());
        assertFalse(feed(CLUNK));
        assertEquals(1, frames.size());
    }

    @Test
    void loweredMaxFrameSizeAppliesToTheNextSizeField() {
        assertTrue(feed("15000000 64"));
        assembler.maxFrameSize(12);
        assertEquals(12, assembler.maxFrameSize());
        assertTrue(feed("ffff 00001000 0800 3950323030302e4c"));
        assertEquals(1, frames.size());
        assertTrue(feed(CLUNK));
        assertFalse(feed(VERSION));
    }

    @Test
    void maxFrameSizeBelowAHeaderIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FrameAssembler(6));
    }
}
