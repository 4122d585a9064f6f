package io.ninep.fuzz;

import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.protocol.codec.ReplyDecoded;
import io.ninep.protocol.codec.ReplyDecoder;
import io.ninep.protocol.codec.RequestEncoder;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * A TCP peer that speaks 9P by hand, for what a well-behaved client never does: any bytes out, at any
 * pace; whole frames in only when the test asks for them (so it can also never read); and a way to tell
 * whether the server hung up.
 */
final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawPeer connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** @param receiveBuffer SO_RCVBUF in bytes, or 0 for the system's default */
    static RawPeer connect(int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return new RawPeer(socket);
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(int tag, Tmessage m) throws IOException {
        ByteBuffer frame = RequestEncoder.encode(tag, m);
        out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
        out.flush();
    }

    /** Sends {@code m} and returns the reply, which must come on the same tag within 10 s. */
    Rmessage call(int tag, Tmessage m) throws IOException {
        send(tag, m);
        ReplyDecoded.Ok reply = reply(Duration.ofSeconds(10));
        if (reply.tag() != tag) {
            throw new AssertionError("reply on tag " + reply.tag() + " to a request on tag " + tag);
        }
        return reply.message();
    }

    /** The next reply frame; a malformed one fails the test. */
    ReplyDecoded.Ok reply(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        byte[] sizeField = new byte[4];
        in.readFully(sizeField);
        int size = ByteBuffer.wrap(sizeField).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (size < 7 || size > (16 << 20)) {
            throw new AssertionError("reply size field " + Integer.toUnsignedString(size));
        }
        byte[] frame = new byte[size];
        System.arraycopy(sizeField, 0, frame, 0, 4);
        in.readFully(frame, 4, size - 4);
        ReplyDecoded decoded = ReplyDecoder.decode(ByteBuffer.wrap(frame));
        if (decoded instanceof ReplyDecoded.Failure) {
            throw new AssertionError("malformed reply: " + ((ReplyDecoded.Failure) decoded).reason());
        }
        return (ReplyDecoded.Ok) decoded;
    }

    /** Whether the server ends the connection within {@code timeout}; replies before the end are skipped. */
    boolean closedByServerWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] sink = new byte[64 * 1024];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) left);
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (EOFException | SocketException e) {
                return true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
