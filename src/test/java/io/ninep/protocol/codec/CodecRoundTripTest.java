package io.ninep.protocol.codec;

import io.ninep.protocol.Frame;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeded property tests: random valid messages survive encode → frame → decode → encode unchanged. */
class CodecRoundTripTest {
    private static final long SEED = 0x9F2000L;
    private static final int ROUNDS = 5000;
    private static final int MSIZE = Integer.MAX_VALUE;

    @Test
    void everyRandomRequestRoundTrips() {
        Random random = new Random(SEED);
        RandomMessages messages = new RandomMessages(random);
        for (int i = 0; i < ROUNDS; i++) {
            int tag = random.nextInt(0x10000);
            Tmessage message = messages.request();
            ByteBuffer encoded = RequestEncoder.encode(tag, message);
            Decoded decoded = RequestDecoder.decode(encoded, MSIZE);
            assertEquals(new Decoded.Ok(new Frame(tag, message)), decoded, "round " + i);
            assertArrayEquals(Hex.of(encoded), Hex.of(RequestEncoder.encode(tag, message)));
        }
    }

    @Test
    void everyRandomReplyRoundTrips() {
        Random random = new Random(SEED + 1);
        RandomMessages messages = new RandomMessages(random);
        for (int i = 0; i < ROUNDS; i++) {
            int tag = random.nextInt(0x10000);
            Rmessage message = messages.reply();
            ByteBuffer encoded = ReplyEncoder.encode(tag, message);
            assertEquals(encoded.remaining(), ReplyEncoder.encodedSize(message));
            assertEquals(new ReplyDecoded.Ok(tag, message), ReplyDecoder.decode(encoded), "round " + i);
        }
    }

    @Test
    void randomlySplitStreamOfRandomFramesReassemblesExactly() {
        Random random = new Random(SEED + 2);
        RandomMessages messages = new RandomMessages(random);
        List<Tmessage> sent = new ArrayList<>();
        ByteBuffer stream = ByteBuffer.allocate(4 << 20);
        for (int i = 0; i < 500; i++) {
            Tmessage message = messages.request();
            sent.add(message);
            stream.put(RequestEncoder.encode(i, message));
        }
        stream.flip();
        FrameAssembler assembler = new FrameAssembler(1 << 20);
        List<Tmessage> received = new ArrayList<>();
        while (stream.hasRemaining()) {
            int chunk = Math.min(stream.remaining(), 1 + random.nextInt(random.nextBoolean() ? 16 : 4096));
            ByteBuffer slice = stream.slice(stream.position(), chunk);
            stream.position(stream.position() + chunk);
            assertTrue(assembler.feed(slice, frame -> {
                Decoded decoded = RequestDecoder.decode(frame.buffer(), MSIZE);
                received.add(((Decoded.Ok) decoded).frame().message());
            }));
        }
        assertEquals(sent, received);
        assertEquals(0, assembler.buffered());
    }

    @Test
    void corruptedFramesNeverThrow() {
        Random random = new Random(SEED + 3);
        RandomMessages messages = new RandomMessages(random);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] request = Hex.of(RequestEncoder.encode(random.nextInt(0x10000), messages.request()));
            byte[] reply = Hex.of(ReplyEncoder.encode(random.nextInt(0x10000), messages.reply()));
            ByteBuffer badRequest = corrupt(request, random);
            ByteBuffer badReply = corrupt(reply, random);
            assertDoesNotThrow(() -> RequestDecoder.decode(badRequest, 1 + random.nextInt(MSIZE)));
            assertDoesNotThrow(() -> ReplyDecoder.decode(badReply));
        }
    }

    /** Flips a few bytes, and sometimes truncates or extends the frame. */
    private static ByteBuffer corrupt(byte[] frame, Random random) {
        byte[] bytes = frame.clone();
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        int length = switch (random.nextInt(3)) {
            case 0 -> random.nextInt(bytes.length + 1);
            case 1 -> bytes.length + random.nextInt(8);
            default -> bytes.length;
        };
        byte[] out = new byte[length];
        System.arraycopy(bytes, 0, out, 0, Math.min(length, bytes.length));
        return ByteBuffer.wrap(out);
    }
}
