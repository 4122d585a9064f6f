package io.ninep.fuzz;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that opens a file and then sends Tread after Tread of {@code count} bytes, never reading a reply
 * (with a 4 KiB receive buffer, so the server's writes stall early).
 */
final class NeverReadingClient implements AutoCloseable {
    private static final int MSIZE = 1 << 20;

    private final RawPeer peer;
    private final Thread flood;
    private final AtomicInteger sent = new AtomicInteger();

    NeverReadingClient(int port, List<String> path, int requests, int count) throws IOException {
        peer = RawPeer.connect(port, 4096);
        assertInstanceOf(Rmessage.Rversion.class, peer.call(P9.NOTAG, new Tmessage.Tversion(MSIZE,
                P9.VERSION_9P2000_L)));
        assertInstanceOf(Rmessage.Rattach.class, peer.call(0, new Tmessage.Tattach(1, P9.NOFID, "root", "", 0)));
        assertInstanceOf(Rmessage.Rwalk.class, peer.call(0, new Tmessage.Twalk(1, 2, path)));
        assertInstanceOf(Rmessage.Rlopen.class, peer.call(0, new Tmessage.Tlopen(2, 0)));
        flood = new Thread(() -> {
            try {
                for (int tag = 0; tag < requests; tag++) {
                    peer.send(tag, new Tmessage.Tread(2, 0, count));
                    sent.incrementAndGet();
                }
            } catch (IOException closedUnderUs) {
                // The test or the server closes the socket while this thread may be blocked writing to it.
            }
        }, "never-reading-client");
        flood.setDaemon(true);
        flood.start();
    }

    int sent() {
        return sent.get();
    }

    @Override
    public void close() throws Exception {
        peer.close();
        flood.join(10_000);
    }
}
