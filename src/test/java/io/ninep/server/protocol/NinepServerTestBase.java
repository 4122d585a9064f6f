package io.ninep.server.protocol;

import io.ninep.client.NinepClient;
import io.ninep.protocol.P9;
import io.ninep.server.NinepServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * Shared plumbing for protocol tests: a real server on an ephemeral port, real TCP clients, and a fresh
 * directory per test inside the shared default export so tests never see each other's files.
 */
public abstract class NinepServerTestBase {
    protected static final int ROOT = 1;
    protected static final int MSIZE = 1 << 20;
    private final List<NinepClient> clients = new ArrayList<>();

    @Inject
    protected NinepServer server;

    /** A client after Tversion, not yet attached. */
    protected NinepClient connect() throws IOException {
        NinepClient c = NinepClient.connect("127.0.0.1", server.port()).timeout(Duration.ofSeconds(20));
        clients.add(c);
        c.version(MSIZE, P9.VERSION_9P2000_L);
        return c;
    }

    /** A client attached to the default export as fid {@link #ROOT}. */
    protected NinepClient attached() throws IOException {
        NinepClient c = connect();
        c.attach(ROOT, P9.NOFID, "root", "", 0);
        return c;
    }

    /**
     * Makes a fresh directory under the root and walks {@code fid} to it; returns its name.
     */
    protected String freshDir(NinepClient c, int fid) {
        String name = "t-" + UUID.randomUUID();
        c.mkdir(ROOT, name, 0755, 0);
        c.walk(ROOT, fid, name);
        return name;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(NinepClient::close);
        clients.clear();
    }
}
