package io.ninep.client;

import io.ninep.protocol.P9;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * The socket of one client: whole frames out (one write per frame, so concurrent senders never
 * interleave bytes), whole frames in on a reader thread that hands them over in wire order. When
 * the stream ends, fails or breaks framing, the reader reports why once and stops.
 *
 * <p>Unlike the server, the client trusts its peer with memory: a reply's buffer is allocated at the size
 * its size field announces (once checked against msize) and read straight into, so a 1 MiB Rread costs
 * one copy out of the kernel, while many small replies still come in one read of the buffered stream.
 */
final class ClientConnection {
    private static final int READ_BUFFER = 64 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    /** The largest reply accepted; set by the reader and by a thread negotiating msize. */
    private volatile int maxReplySize;
    private final Object writeLock = new Object();
    private final Thread reader;

    ClientConnection(Socket socket, int maxReplySize, Consumer<ByteBuffer> frames,
                     Consumer<ConnectionClosedException> ended) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        // BufferedInputStream reads a request at least as large as its buffer straight into the destination.
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), READ_BUFFER));
        this.maxReplySize = maxReplySize;
        this.reader = new Thread(() -> read(frames, ended), "ninep-client-" + socket.getLocalPort());
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    /** Replies larger than this end the connection. */
    void maxReplySize(int size) {
        if (size < P9.HEADER_SIZE) {
            throw new IllegalArgumentException("max reply size " + size + " is smaller than a header");
        }
        maxReplySize = size;
    }

    /** Writes {@code frame} and then {@code tail} (if not null) as one frame's bytes; neither buffer moves. */
    void write(ByteBuffer frame, ByteBuffer tail) throws IOException {
        synchronized (writeLock) {
            out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
            if (tail != null) {
                out.write(tail.array(), tail.arrayOffset() + tail.position(), tail.remaining());
            }
            out.flush();
        }
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        write(ByteBuffer.wrap(bytes, offset, length), null);
    }

    boolean isReaderThread() {
        return Thread.currentThread() == reader;
    }

    /** Closes the socket, which also stops the reader; waits briefly for it unless called from it. */
    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing is left to flush or release on a socket we are abandoning.
        }
        if (!isReaderThread()) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void read(Consumer<ByteBuffer> frames, Consumer<ConnectionClosedException> ended) {
        byte[] sizeField = new byte[4];
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    ended.accept(new ConnectionClosedException("the server closed the connection"));
                    return;
                }
                sizeField[0] = (byte) first;
                in.readFully(sizeField, 1, 3);
                long size = Integer.toUnsignedLong(ByteBuffer.wrap(sizeField).order(ByteOrder.LITTLE_ENDIAN).getInt());
                if (size < P9.HEADER_SIZE || size > maxReplySize) {
                    ended.accept(new ConnectionClosedException("framing error: a reply's size field is below 7 or"
                            + " at least msize (max " + maxReplySize + ")"));
                    return;
                }
                byte[] frame = new byte[(int) size];
                in.readFully(frame, 4, frame.length - 4);
                frames.accept(ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).putInt(0, (int) size));
            }
        } catch (EOFException e) {
            ended.accept(new ConnectionClosedException("the server closed the connection inside a reply"));
        } catch (IOException e) {
            ended.accept(new ConnectionClosedException("reading the connection failed: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            ended.accept(new ConnectionClosedException("a reply listener failed: " + e, e));
        }
    }
}
