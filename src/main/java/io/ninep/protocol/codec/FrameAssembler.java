package io.ninep.protocol.codec;

import io.ninep.protocol.P9;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Cuts a byte stream into frames on their little-endian {@code size[4]}, which counts itself.
 * Reads may split a frame anywhere (even inside its size field) or carry many frames at once.
 * The size field is checked as soon as its four bytes are in, so a pending frame never holds more
 * than maxFrameSize bytes; and the buffer of a pending frame grows with the bytes that actually
 * arrived rather than with what its size field announced, so a peer that announces a big frame
 * and then stalls pins little memory (LESSONS.md §5): at most four times what it sent. A frame starts
 * at four times its first bytes and grows fourfold: a 1 MiB Twrite whose first read brings 64 KiB costs
 * one 256 KiB regrowth copy (issue 8). The owner may also read the socket straight into the frame's
 * free room ({@link #room}, {@link #filled}), which spares the copy of a big frame's body. Frames live in
 * {@link FrameMemory} from the allocator given, on the heap unless the owner pools them. One per
 * connection, fed by one thread at a time; only {@link #maxFrameSize(int)} may be called from another
 * thread (a client negotiating msize).
 */
public final class FrameAssembler {
    /** First allocation for a frame that has not fully arrived; it grows fourfold from there. */
    private static final int INITIAL_CAPACITY = 8192;

    private final ByteBuffer sizeField = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private final IntFunction<FrameMemory> memory;
    private volatile int maxFrameSize;
    /** The frame still arriving; its buffer is filled up to its position. */
    private FrameMemory pending;
    private int pendingSize;
    private boolean broken;

    /** Frames on the heap. */
    public FrameAssembler(int maxFrameSize) {
        this(maxFrameSize, FrameMemory::heap);
    }

    /** @param memory allocates a frame's memory of the capacity asked (which never exceeds maxFrameSize) */
    public FrameAssembler(int maxFrameSize, IntFunction<FrameMemory> memory) {
        this.memory = memory;
        maxFrameSize(maxFrameSize);
    }

    /**
     * Sets the largest acceptable frame, e.g. to the negotiated msize. It applies to frames whose
     * size field has not been checked yet; a frame already being assembled completes under the old limit.
     */
    public void maxFrameSize(int maxFrameSize) {
        if (maxFrameSize < P9.HEADER_SIZE) {
            throw new IllegalArgumentException("maxFrameSize " + maxFrameSize + " is smaller than a header");
        }
        this.maxFrameSize = maxFrameSize;
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }

    /** Bytes held for a frame not yet complete. */
    public int buffered() {
        return sizeField.position() + (pending == null ? 0 : pending.buffer().position());
    }

    /**
     * Consumes all of {@code chunk}, handing each completed frame to {@code frames} in stream order:
     * memory of its own, which the consumer now owns (and must release), whose buffer holds the whole
     * frame, size field included, from position 0. Returns false on a framing error (size below 7 or
     * above maxFrameSize); then the stream cannot be resynchronised, the caller must close the
     * connection, and every later call returns false. The same holds after the allocator throws (out of
     * memory), which this passes on.
     */
    public boolean feed(ByteBuffer chunk, Consumer<FrameMemory> frames) {
        while (!broken && chunk.hasRemaining()) {
            if (pending == null && !readSizeField(chunk)) {
                break;
            }
            if (pending != null) {
                fill(chunk);
                completeIfWhole(frames);
            }
        }
        return !broken;
    }

    /**
     * Free room of the frame still arriving, for a read straight into it: a view of at least {@code minimum}
     * bytes that ends no later than the frame, or null (no frame arriving, or fewer bytes missing). A frame
     * whose memory is full grows fourfold first, so it still holds at most four times what arrived. Until
     * {@link #filled} or {@link #discard}, nothing else may be fed.
     */
    public ByteBuffer room(int minimum) {
        if (broken || pending == null || pendingSize - pending.buffer().position() < minimum) {
            return null;
        }
        ByteBuffer buffer = pending.buffer();
        if (!buffer.hasRemaining()) {
            buffer = grow(buffer.position() + 1);
        }
        int room = roomLeft();
        return room < minimum ? null : buffer.slice(buffer.position(), room);
    }

    /**
     * Takes {@code count} bytes just written at the start of the last {@link #room}, handing the frame to
     * {@code frames} if they complete it.
     */
    public void filled(int count, Consumer<FrameMemory> frames) {
        ByteBuffer buffer = pending.buffer();
        if (count < 0 || count > roomLeft()) {
            throw new IllegalArgumentException(count + " bytes do not fit the frame's room");
        }
        buffer.position(buffer.position() + count);
        completeIfWhole(frames);
    }

    /** Bytes the pending frame's memory can still take before it is full or the frame is whole. */
    private int roomLeft() {
        ByteBuffer buffer = pending.buffer();
        return Math.min(buffer.remaining(), pendingSize - buffer.position());
    }

    private void completeIfWhole(Consumer<FrameMemory> frames) {
        if (pending.buffer().position() == pendingSize) {
            FrameMemory frame = pending;
            frame.buffer().flip();
            pending = null;
            frames.accept(frame);
        }
    }

    /** Releases the frame still arriving, if any: the stream has ended (the connection closed). */
    public void discard() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        sizeField.clear();
    }

    /** Takes size-field bytes; once all four are in, validates them and starts the frame. */
    private boolean readSizeField(ByteBuffer chunk) {
        while (sizeField.hasRemaining() && chunk.hasRemaining()) {
            sizeField.put(chunk.get());
        }
        if (sizeField.hasRemaining()) {
            return false;
        }
        long size = Integer.toUnsignedLong(sizeField.getInt(0));
        sizeField.clear();
        if (size < P9.HEADER_SIZE || size > maxFrameSize) {
            broken = true;
            return false;
        }
        pendingSize = (int) size;
        pending = allocate((int) Math.min(pendingSize, Math.max(INITIAL_CAPACITY, 4L * (4 + chunk.remaining()))));
        pending.buffer().putInt(pendingSize);
        return true;
    }

    private void fill(ByteBuffer chunk) {
        ByteBuffer buffer = pending.buffer();
        int wanted = Math.min(pendingSize - buffer.position(), chunk.remaining());
        if (wanted > buffer.remaining()) {
            buffer = grow(buffer.position() + wanted);
        }
        buffer.put(chunk.slice(chunk.position(), wanted));
        chunk.position(chunk.position() + wanted);
    }

    /** Moves the frame into memory of at least {@code needed} bytes; the smaller memory stays pending if that fails. */
    private ByteBuffer grow(int needed) {
        ByteBuffer filled = pending.buffer();
        FrameMemory bigger = allocate((int) Math.min(pendingSize, Math.max(needed, filled.capacity() * 4L)));
        bigger.buffer().put(filled.flip());
        pending.release();
        pending = bigger;
        return bigger.buffer();
    }

    /** A frame that cannot be given memory cannot be skipped either: the stream is then broken. */
    private FrameMemory allocate(int capacity) {
        try {
            return memory.apply(capacity);
        } catch (RuntimeException | Error e) {
            broken = true;
            throw e;
        }
    }
}
