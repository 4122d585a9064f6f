package io.ninep.client;

import io.ninep.protocol.codec.FrameAssembler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The socket of one client: whole frames out (one write per frame, so concurrent senders never
 * interleave bytes), whole frames in on a reader thread that hands them over in wire order. When
 * the stream ends, fails or breaks framing, the reader reports why once and stops.
 */
final class ClientConnection {
    private static final int READ_CHUNK = 64 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final FrameAssembler assembler;
    private final Object writeLock = new Object();
    private final Thread reader;

    ClientConnection(Socket socket, int maxReplySize, Consumer<ByteBuffer> frames,
                     Consumer<ConnectionClosedException> ended) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.assembler = new FrameAssembler(maxReplySize);
        this.reader = new Thread(() -> read(frames, ended), "ninep-client-" + socket.getLocalPort());
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    /** Replies larger than this end the connection. */
    void maxReplySize(int size) {
        assembler.maxFrameSize(size);
    }

    void write(ByteBuffer frame) throws IOException {
        write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        synchronized (writeLock) {
            out.write(bytes, offset, length);
            out.flush();
        }
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
        byte[] chunk = new byte[READ_CHUNK];
        try {
            while (true) {
                int n = in.read(chunk);
                if (n < 0) {
                    ended.accept(new ConnectionClosedException("the server closed the connection"));
                    return;
                }
                if (!assembler.feed(ByteBuffer.wrap(chunk, 0, n), frames)) {
                    ended.accept(new ConnectionClosedException("framing error: a reply's size field is below 7 or"
                            + " at least msize (max " + assembler.maxFrameSize() + ")"));
                    return;
                }
            }
        } catch (IOException e) {
            ended.accept(new ConnectionClosedException("reading the connection failed: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            ended.accept(new ConnectionClosedException("a reply listener failed: " + e, e));
        }
    }
}
