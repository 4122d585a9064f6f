package io.ninep.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ninep.client.ConnectionClosedException;
import io.ninep.client.NinepClient;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import io.ninep.protocol.codec.Decoded;
import io.ninep.protocol.codec.RequestDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client connection driven by the session fuzzer, which keeps its own table of tags in flight so
 * that it can pipeline requests, flush them by tag and slip raw frames in without ever reusing a live
 * tag (the one thing that lets a server close a healthy connection). Every reply is held to
 * {@link ReplyRules} when it is collected; a reply that never comes fails the input.
 */
final class Conversation implements AutoCloseable {
    private static final long REPLY_DEADLINE_MILLIS = 10_000;

    private final NinepClient client;
    private final int serverMaxMsize;
    private final Map<Integer, Pending> inFlight = new HashMap<>();
    /** Requests out and replies in, in order, for the message of a failed input. */
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    private boolean versioned;
    private int msize;
    private boolean closeExpected;

    private record Pending(ReplyRules.Sent sent, CompletableFuture<Rmessage> reply) {
    }

    Conversation(int port, int serverMaxMsize) throws IOException {
        this.client = NinepClient.connect("127.0.0.1", port).timeout(Duration.ofSeconds(10));
        this.serverMaxMsize = serverMaxMsize;
        this.msize = serverMaxMsize;
        client.addReplyListener(e -> transcript.add("<- tag " + e.tag() + " "
                + (e.isMalformed() ? "malformed: " + e.malformed() : e.message())));
    }

    /** The msize the server applies now: what it negotiated, or its maximum after a refused Tversion. */
    int msize() {
        return msize;
    }

    int inFlight() {
        return inFlight.size();
    }

    boolean closed() {
        return client.isClosed();
    }

    /** Sends without waiting; a Tversion goes through {@link #version}. */
    void send(Tmessage m) {
        if (m instanceof Tmessage.Tversion) {
            version((Tmessage.Tversion) m);
            return;
        }
        int tag = freeTag();
        track(tag, m, null, client.send(tag, m));
    }

    /**
     * Tversion as Linux sends it: alone on the connection, awaited before anything else goes out. An offer
     * below 32 bytes becomes 100 (still refused as "unknown"): like Linux, the client sizes its reply buffer
     * by its offer, and could not read the 20-byte Rversion. The server takes min(offer, max-msize).
     */
    void version(Tmessage.Tversion offer) {
        int offered = offer.msize();
        if (offered >= 0 && offered < 32) {
            offered = 100;
        }
        Tmessage.Tversion m = new Tmessage.Tversion(offered, offer.version());
        drain();
        CompletableFuture<Rmessage> reply = client.send(m);
        track(P9.NOTAG, m, null, reply);
        drain();
        Rmessage r = reply.getNow(null);
        if (r instanceof Rmessage.Rversion) {
            Rmessage.Rversion v = (Rmessage.Rversion) r;
            versioned = P9.VERSION_9P2000_L.equals(v.version());
            msize = versioned ? (int) Math.min(Integer.toUnsignedLong(m.msize()), serverMaxMsize) : serverMaxMsize;
        }
    }

    /** Flushes a tag in flight (or, when none is, whichever tag the fuzzer names). */
    void flush(int pick) {
        prune();
        List<Integer> tags = new ArrayList<>(inFlight.keySet());
        int oldtag = tags.isEmpty() ? pick & 0xFFFF : tags.get(Math.floorMod(pick, tags.size()));
        send(new Tmessage.Tflush(oldtag));
    }

    /**
     * Sends fuzzer bytes as one frame on a free tag. A frame that decodes to Tversion or Tflush is sent
     * typed instead, since the client must see those to keep its own state right.
     */
    void sendRaw(RequestMaker maker) {
        int tag = freeTag();
        byte[] frame = maker.rawFrame(tag);
        Decoded decoded = RequestDecoder.decode(ByteBuffer.wrap(frame), msize);
        if (decoded instanceof Decoded.Ok) {
            Tmessage m = ((Decoded.Ok) decoded).frame().message();
            if (m instanceof Tmessage.Tversion || m instanceof Tmessage.Tflush) {
                send(m);
                return;
            }
            track(tag, m, null, client.sendRaw(tag, frame));
        } else {
            track(tag, null, (Decoded.Failure) decoded, client.sendRaw(tag, frame));
        }
    }

    /** A size field outside 7..msize: the server must close the connection, and nothing else can follow. */
    void breakFraming(long size) {
        drain();
        closeExpected = true;
        client.sendRaw(new byte[] {(byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24),
                (byte) WireTypes.TCLUNK, 0, 0, 0, 0, 0, 0});
        try {
            client.closed().get(REPLY_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("the server kept a connection open after a frame of size " + size + " (msize " + msize + ")");
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        String why = client.closeCause().getMessage();
        assertTrue(why.startsWith("the server closed") || why.startsWith("reading the connection failed"),
                () -> "the client, not the server, ended the connection: " + why);
    }

    /** Waits for every reply in flight and checks each; a missing reply or an unexpected close fails. */
    void drain() {
        long deadline = System.currentTimeMillis() + REPLY_DEADLINE_MILLIS;
        for (Pending p : new ArrayList<>(inFlight.values())) {
            collect(p, deadline);
        }
        inFlight.clear();
        assertEquals(0, client.unexpectedReplies(), "a reply arrived on a tag nobody was waiting on");
        assertTrue(closeExpected || !client.isClosed(), () -> "the connection ended: " + client.closeCause());
    }

    private void collect(Pending p, long deadline) {
        Rmessage reply;
        try {
            reply = p.reply().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("no reply within " + REPLY_DEADLINE_MILLIS + " ms to " + p.sent().describe());
            return;
        } catch (CancellationException e) {
            return;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CancellationException || cause instanceof IllegalArgumentException) {
                return;
            }
            if (cause instanceof ConnectionClosedException && closeExpected) {
                return;
            }
            throw new AssertionError(p.sent().describe() + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ReplyRules.check(p.sent(), reply);
    }

    private void track(int tag, Tmessage m, Decoded.Failure refusal, CompletableFuture<Rmessage> reply) {
        ReplyRules.Sent sent = new ReplyRules.Sent(tag, m, refusal, versioned, msize);
        transcript.add("-> " + sent.describe());
        inFlight.put(tag, new Pending(sent, reply));
    }

    /** The session so far, one message a line. */
    String transcript() {
        synchronized (transcript) {
            return String.join("\n", transcript);
        }
    }

    /**
     * The lowest tag that is neither in flight nor named by a Tflush in flight. Linux keeps a flushed
     * request's tag until the Rflush; reusing it earlier would make the Rflush ambiguous (flush(5)).
     */
    private int freeTag() {
        prune();
        Set<Integer> taken = new HashSet<>(inFlight.keySet());
        for (Pending p : inFlight.values()) {
            if (p.sent().request() instanceof Tmessage.Tflush) {
                taken.add(((Tmessage.Tflush) p.sent().request()).oldtag());
            }
        }
        int tag = 0;
        while (taken.contains(tag)) {
            tag++;
        }
        return tag;
    }

    /** Collects replies that have arrived, so their tags are free again. */
    private void prune() {
        for (Pending p : new ArrayList<>(inFlight.values())) {
            if (p.reply().isDone()) {
                collect(p, System.currentTimeMillis());
                inFlight.remove(p.sent().tag());
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
