package io.ninep.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.client.NinepClient;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server (target/quarkus-app) stopped with SIGTERM while clients stream writes: it exits 0,
 * no client hangs, and every write that was answered is on disk.
 */
class GracefulShutdownIT {
    private static final int CLIENTS = 4;
    private static final int CHUNK = 64 * 1024;
    private static final int IN_FLIGHT = 8;

    @TempDir
    Path export;

    @Test
    void sigtermWhileWritingExitsZeroAndKeepsEveryAnsweredWrite() throws Exception {
        int port = freePort();
        Process server = start(port);
        try {
            awaitListening(port, server);
            List<Writer> writers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                writers.add(new Writer(port, "stream-" + i));
            }
            writers.forEach(w -> w.thread.start());
            Thread.sleep(1500);
            server.destroy();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "server did not stop within 60 s");
            assertEquals(0, server.exitValue(), "exit code after SIGTERM");
            for (Writer w : writers) {
                w.thread.join(30_000);
                assertTrue(!w.thread.isAlive(), "a client hung after the server stopped");
                assertTrue(w.answered.size() > 0, "no write was answered before the stop");
                byte[] onDisk = Files.readAllBytes(export.resolve(w.name));
                for (long offset : w.answered) {
                    byte[] expected = Writer.chunk(offset);
                    byte[] actual = java.util.Arrays.copyOfRange(onDisk, (int) offset, (int) offset + CHUNK);
                    assertArrayEquals(expected, actual, w.name + ": answered write at " + offset + " not on disk");
                }
            }
        } finally {
            server.destroyForcibly();
        }
    }

    private Process start(int port) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the server first (mvn verify does)");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dninep.host=127.0.0.1", "-Dninep.port=" + port, "-Dquarkus.http.port=0",
                "-Dninep.exports.default.type=local", "-Dninep.exports.default.path=" + export,
                "-Dninep.shutdown-timeout=20s", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "graceful-shutdown-server.log").toFile())
                .start();
    }

    private static void awaitListening(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "server exited at startup; see target/graceful-shutdown-server.log");
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("server not listening after 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Streams pipelined 64 KiB writes to its own file until the connection goes away. */
    private static final class Writer {
        final String name;
        final ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
        final Thread thread;
        private final int port;

        Writer(int port, String name) {
            this.port = port;
            this.name = name;
            this.thread = new Thread(this::run, name);
        }

        static byte[] chunk(long offset) {
            byte[] b = new byte[CHUNK];
            for (int i = 0; i < CHUNK; i++) {
                b[i] = (byte) ((offset / CHUNK) * 31 + i);
            }
            return b;
        }

        private void run() {
            try (NinepClient c = NinepClient.connect("127.0.0.1", port).timeout(Duration.ofSeconds(30))) {
                c.version(1 << 20, P9.VERSION_9P2000_L);
                c.attach(1, P9.NOFID, "root", "", 0);
                c.walk(1, 2);
                c.lcreate(2, name, 2, 0644, 0);
                AtomicBoolean stopped = new AtomicBoolean();
                List<CompletableFuture<Rmessage>> window = new ArrayList<>();
                long offset = 0;
                while (!stopped.get()) {
                    long at = offset;
                    CompletableFuture<Rmessage> f = c.send(new Tmessage.Twrite(2, at, ByteBuffer.wrap(chunk(at))));
                    window.add(f.whenComplete((r, t) -> {
                        if (r instanceof Rmessage.Rwrite && ((Rmessage.Rwrite) r).count() == CHUNK) {
                            answered.add(at);
                        } else {
                            stopped.set(true);
                        }
                    }));
                    offset += CHUNK;
                    if (window.size() >= IN_FLIGHT) {
                        window.remove(0).handle((r, t) -> null).get(30, TimeUnit.SECONDS);
                    }
                }
                for (CompletableFuture<Rmessage> f : window) {
                    f.handle((r, t) -> null).get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                // The server closing the connection ends the stream; what was answered is checked on disk.
            }
        }
    }
}
