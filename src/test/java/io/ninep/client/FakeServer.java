package io.ninep.client;

import io.ninep.protocol.Frame;
import io.ninep.protocol.codec.Decoded;
import io.ninep.protocol.codec.RequestDecoder;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/** Test helper: the server end of one client connection, answering with hand-written reply bytes. */
final class FakeServer implements AutoCloseable {
    private final ServerSocket listener;
    private Socket peer;
    private DataInputStream in;
    private OutputStream out;

    FakeServer() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** Connects a client and accepts its connection. */
    NinepClient connect() throws IOException {
        NinepClient client = NinepClient.connect(InetAddress.getLoopbackAddress().getHostAddress(),
                listener.getLocalPort());
        peer = listener.accept();
        peer.setSoTimeout(5000);
        in = new DataInputStream(peer.getInputStream());
        out = peer.getOutputStream();
        return client;
    }

    /** The next whole frame the client sent. */
    byte[] readFrame() throws IOException {
        byte[] sizeField = new byte[4];
        in.readFully(sizeField);
        int size = ByteBuffer.wrap(sizeField).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] frame = new byte[size];
        System.arraycopy(sizeField, 0, frame, 0, 4);
        in.readFully(frame, 4, size - 4);
        return frame;
    }

    /** The next request the client sent, decoded. */
    Frame readRequest() throws IOException {
        return ((Decoded.Ok) RequestDecoder.decode(ByteBuffer.wrap(readFrame()), Integer.MAX_VALUE)).frame();
    }

    void reply(String hex) throws IOException {
        reply(hex(hex));
    }

    synchronized void reply(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Drops the connection, as a crashing server would. */
    void hangUp() throws IOException {
        peer.close();
    }

    @Override
    public void close() throws IOException {
        if (peer != null) {
            peer.close();
        }
        listener.close();
    }

    /** Wire bytes written as hex, spaces allowed between fields. */
    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }
}
