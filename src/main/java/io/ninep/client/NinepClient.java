package io.ninep.client;

import io.ninep.protocol.Dirent;
import io.ninep.protocol.P9;
import io.ninep.protocol.Qid;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Rmessage.Rattach;
import io.ninep.protocol.Rmessage.Rauth;
import io.ninep.protocol.Rmessage.Rclunk;
import io.ninep.protocol.Rmessage.Rflush;
import io.ninep.protocol.Rmessage.Rfsync;
import io.ninep.protocol.Rmessage.Rgetattr;
import io.ninep.protocol.Rmessage.Rgetlock;
import io.ninep.protocol.Rmessage.Rlcreate;
import io.ninep.protocol.Rmessage.Rlerror;
import io.ninep.protocol.Rmessage.Rlink;
import io.ninep.protocol.Rmessage.Rlock;
import io.ninep.protocol.Rmessage.Rlopen;
import io.ninep.protocol.Rmessage.Rmkdir;
import io.ninep.protocol.Rmessage.Rmknod;
import io.ninep.protocol.Rmessage.Rread;
import io.ninep.protocol.Rmessage.Rreaddir;
import io.ninep.protocol.Rmessage.Rreadlink;
import io.ninep.protocol.Rmessage.Rremove;
import io.ninep.protocol.Rmessage.Rrename;
import io.ninep.protocol.Rmessage.Rrenameat;
import io.ninep.protocol.Rmessage.Rsetattr;
import io.ninep.protocol.Rmessage.Rstatfs;
import io.ninep.protocol.Rmessage.Rsymlink;
import io.ninep.protocol.Rmessage.Runlinkat;
import io.ninep.protocol.Rmessage.Rversion;
import io.ninep.protocol.Rmessage.Rwalk;
import io.ninep.protocol.Rmessage.Rwrite;
import io.ninep.protocol.Rmessage.Rxattrcreate;
import io.ninep.protocol.Rmessage.Rxattrwalk;
import io.ninep.protocol.Tmessage;
import io.ninep.protocol.codec.ReplyDecoded;
import io.ninep.protocol.codec.ReplyDecoder;
import io.ninep.protocol.codec.RequestEncoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A 9P2000.L client over TCP for tests and tools: pipelined requests on the lowest free tag (or an
 * explicit one), replies in any order, every reply frame reported to listeners in wire order, and
 * typed synchronous calls that throw {@link NinepException} on Rlerror and give up after a timeout.
 * Like Linux it closes the connection on a malformed reply or one of at least msize bytes; unlike
 * Linux it only records a reply nobody waits for, so tests can observe such server bugs.
 * Thread-safe.
 */
public final class NinepClient implements AutoCloseable {
    /** What {@link #version(int, String)} callers usually offer; also the reply limit before any Tversion. */
    public static final int DEFAULT_MSIZE = 1 << 20;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final TagTable tags = new TagTable();
    private final List<Consumer<ClientEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong unexpectedReplies = new AtomicLong();
    private final AtomicReference<ConnectionClosedException> closeCause = new AtomicReference<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final ClientConnection connection;
    private volatile int msize = Integer.MAX_VALUE;
    private volatile Duration timeout = Duration.ofSeconds(10);

    private NinepClient(Socket socket) throws IOException {
        this.connection = new ClientConnection(socket, DEFAULT_MSIZE - 1, this::onFrame, this::shutdown);
    }

    /** Connects with TCP_NODELAY, as the Linux client does. Send {@link #version} first. */
    public static NinepClient connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            NinepClient client = new NinepClient(socket);
            client.connection.start();
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Fails every outstanding request with {@link ConnectionClosedException}. Idempotent. */
    @Override
    public void close() {
        shutdown(new ConnectionClosedException("closed by the client"));
    }

    /** Completes once the connection has ended, for whatever reason ({@link #closeCause()}). */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    /** Why the connection ended, or null while it is open. */
    public ConnectionClosedException closeCause() {
        return closeCause.get();
    }

    public boolean isClosed() {
        return closeCause.get() != null;
    }

    /** The timeout of the synchronous calls (default 10 s). */
    public NinepClient timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** The negotiated msize, or {@link Integer#MAX_VALUE} before a successful Tversion. */
    public int msize() {
        return msize;
    }

    /** Replies that arrived on a tag no request was waiting on. */
    public long unexpectedReplies() {
        return unexpectedReplies.get();
    }

    /** Requests sent and not yet answered. */
    public int outstanding() {
        return tags.outstanding();
    }

    /** Sees every reply frame, in wire order, on the reader thread; a listener that throws ends the connection. */
    public void addReplyListener(Consumer<ClientEvent> listener) {
        listeners.add(listener);
    }

    // ---- sending ----

    /** Sends on the lowest free tag (Tversion always travels on NOTAG). */
    public CompletableFuture<Rmessage> send(Tmessage message) {
        if (message instanceof Tmessage.Tversion) {
            return send(P9.NOTAG, message);
        }
        TagTable.Pending pending;
        try {
            pending = tags.allocate(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transmit(pending);
    }

    /** Sends on an explicit tag, even one already in flight (for flush and tag-reuse tests). */
    public CompletableFuture<Rmessage> send(int tag, Tmessage message) {
        TagTable.Pending pending;
        try {
            pending = tags.register(tag, message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transmit(pending);
    }

    /** Writes bytes as they are, for malformed-input tests; any reply arrives as an unexpected one. */
    public void sendRaw(byte[] bytes) {
        try {
            connection.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            shutdown(new ConnectionClosedException("writing the connection failed: " + e.getMessage(), e));
            throw closeCause();
        }
    }

    /** Writes bytes as they are and waits for the reply on {@code tag}, which the bytes are meant to carry. */
    public CompletableFuture<Rmessage> sendRaw(int tag, byte[] bytes) {
        TagTable.Pending pending;
        try {
            pending = tags.register(tag, null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        write(ByteBuffer.wrap(bytes));
        return pending.reply();
    }

    private CompletableFuture<Rmessage> transmit(TagTable.Pending pending) {
        ByteBuffer frame;
        // A Twrite's data follows its header straight from the caller's array: no frame-sized copy.
        ByteBuffer data = pending.request() instanceof Tmessage.Twrite w && w.data().hasArray() ? w.data() : null;
        try {
            frame = data != null ? RequestEncoder.encodeHeader(pending.tag(), (Tmessage.Twrite) pending.request())
                    : RequestEncoder.encode(pending.tag(), pending.request());
        } catch (IllegalArgumentException e) {
            tags.withdraw(pending);
            return CompletableFuture.failedFuture(e);
        }
        long size = frame.remaining() + (data == null ? 0L : data.remaining());
        if (size > msize) {
            tags.withdraw(pending);
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    pending.request().opName() + " of " + size + " bytes exceeds msize " + msize));
        }
        if (pending.request() instanceof Tmessage.Tversion version) {
            // Linux sizes its receive buffer by the msize it offers until the server answers.
            long offered = Integer.toUnsignedLong(version.msize());
            connection.maxReplySize((int) Math.max(P9.HEADER_SIZE, Math.min(Integer.MAX_VALUE, offered - 1)));
        }
        write(frame, data);
        return pending.reply();
    }

    private void write(ByteBuffer frame) {
        write(frame, null);
    }

    /** {@code data}, if not null, goes out right after {@code frame}, with no other frame between them. */
    private void write(ByteBuffer frame, ByteBuffer data) {
        try {
            connection.write(frame, data);
        } catch (IOException e) {
            shutdown(new ConnectionClosedException("writing the connection failed: " + e.getMessage(), e));
        }
    }

    // ---- receiving ----

    private void onFrame(ByteBuffer frame) {
        if (isClosed()) {
            return;
        }
        long arrival = System.nanoTime();
        ReplyDecoded decoded = ReplyDecoder.decode(frame);
        if (decoded instanceof ReplyDecoded.Failure failure) {
            TagTable.Pending pending = failure.tag() < 0 ? null : tags.take(failure.tag());
            publish(new ClientEvent(arrival, failure.tag(), failure.type(), null, failure.reason(), pending != null));
            shutdown(new ConnectionClosedException("malformed reply: " + failure.reason()));
            if (pending != null) {
                pending.reply().completeExceptionally(closeCause());
            }
            return;
        }
        ReplyDecoded.Ok ok = (ReplyDecoded.Ok) decoded;
        TagTable.Pending pending = tags.take(ok.tag());
        if (pending == null) {
            unexpectedReplies.incrementAndGet();
        }
        publish(new ClientEvent(arrival, ok.tag(), ok.message().type(), ok.message(), null, pending != null));
        if (pending != null) {
            settle(pending, ok.message());
        }
    }

    private void publish(ClientEvent event) {
        for (Consumer<ClientEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    /**
     * Completes a request, applying what its reply means for others: after Rflush the flushed tag is
     * free and a reply to it can no longer come (flush(5)); after Rversion every other request is
     * aborted (version(5)) and the new msize applies.
     */
    private void settle(TagTable.Pending pending, Rmessage reply) {
        if (reply instanceof Rflush && pending.flushed() != null && tags.withdraw(pending.flushed())) {
            pending.flushed().reply().completeExceptionally(
                    new CancellationException("tag " + pending.flushed().tag() + " was flushed"));
        }
        if (reply instanceof Rversion version && pending.request() instanceof Tmessage.Tversion) {
            for (TagTable.Pending aborted : tags.takeAll()) {
                aborted.reply().completeExceptionally(new CancellationException("aborted by Tversion"));
            }
            if (!P9.VERSION_UNKNOWN.equals(version.version())) {
                // msize is unsigned on the wire (a server may answer 2 GiB or more); Java arrays stop below.
                long offered = Integer.toUnsignedLong(((Tmessage.Tversion) pending.request()).msize());
                int negotiated = (int) Math.min(Integer.MAX_VALUE,
                        Math.min(offered, Integer.toUnsignedLong(version.msize())));
                msize = negotiated;
                connection.maxReplySize(Math.max(P9.HEADER_SIZE, negotiated - 1));
            }
        }
        pending.reply().complete(reply);
    }

    private void shutdown(ConnectionClosedException cause) {
        if (!closeCause.compareAndSet(null, cause)) {
            return;
        }
        connection.close();
        for (TagTable.Pending pending : tags.close(cause)) {
            pending.reply().completeExceptionally(cause);
        }
        closed.complete(null);
    }

    // ---- typed synchronous calls ----

    /** Negotiates msize and version; afterwards requests larger than the negotiated msize are refused. */
    public Rversion version(int msize, String version) {
        return call(new Tmessage.Tversion(msize, version), Rversion.class);
    }

    public Qid auth(int afid, String uname, String aname, int nUname) {
        return call(new Tmessage.Tauth(afid, uname, aname, nUname), Rauth.class).aqid();
    }

    public Qid attach(int fid, int afid, String uname, String aname, int nUname) {
        return call(new Tmessage.Tattach(fid, afid, uname, aname, nUname), Rattach.class).qid();
    }

    /** The qids of the names walked; fewer than asked means the walk stopped early (newfid stays unbound). */
    public List<Qid> walk(int fid, int newfid, String... names) {
        return call(new Tmessage.Twalk(fid, newfid, List.of(names)), Rwalk.class).wqids();
    }

    public Rlopen lopen(int fid, int flags) {
        return call(new Tmessage.Tlopen(fid, flags), Rlopen.class);
    }

    public Rlcreate lcreate(int fid, String name, int flags, int mode, int gid) {
        return call(new Tmessage.Tlcreate(fid, name, flags, mode, gid), Rlcreate.class);
    }

    public byte[] read(int fid, long offset, int count) {
        ByteBuffer data = call(new Tmessage.Tread(fid, offset, count), Rread.class).data();
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }

    /** The count the server wrote. */
    public int write(int fid, long offset, byte[] data) {
        return call(new Tmessage.Twrite(fid, offset, ByteBuffer.wrap(data)), Rwrite.class).count();
    }

    public List<Dirent> readdir(int fid, long offset, int count) {
        return call(new Tmessage.Treaddir(fid, offset, count), Rreaddir.class).entries();
    }

    public Rgetattr getattr(int fid, long requestMask) {
        return call(new Tmessage.Tgetattr(fid, requestMask), Rgetattr.class);
    }

    public void setattr(int fid, int valid, int mode, int uid, int gid, long size,
                        long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec) {
        call(new Tmessage.Tsetattr(fid, valid, mode, uid, gid, size, atimeSec, atimeNsec, mtimeSec, mtimeNsec),
                Rsetattr.class);
    }

    public void clunk(int fid) {
        call(new Tmessage.Tclunk(fid), Rclunk.class);
    }

    public void remove(int fid) {
        call(new Tmessage.Tremove(fid), Rremove.class);
    }

    public Qid mkdir(int dfid, String name, int mode, int gid) {
        return call(new Tmessage.Tmkdir(dfid, name, mode, gid), Rmkdir.class).qid();
    }

    public Qid symlink(int fid, String name, String target, int gid) {
        return call(new Tmessage.Tsymlink(fid, name, target, gid), Rsymlink.class).qid();
    }

    public String readlink(int fid) {
        return call(new Tmessage.Treadlink(fid), Rreadlink.class).target();
    }

    public Qid mknod(int dfid, String name, int mode, int major, int minor, int gid) {
        return call(new Tmessage.Tmknod(dfid, name, mode, major, minor, gid), Rmknod.class).qid();
    }

    public void link(int dfid, int fid, String name) {
        call(new Tmessage.Tlink(dfid, fid, name), Rlink.class);
    }

    public void rename(int fid, int dfid, String name) {
        call(new Tmessage.Trename(fid, dfid, name), Rrename.class);
    }

    public void renameat(int olddirfid, String oldname, int newdirfid, String newname) {
        call(new Tmessage.Trenameat(olddirfid, oldname, newdirfid, newname), Rrenameat.class);
    }

    public void unlinkat(int dirfid, String name, int flags) {
        call(new Tmessage.Tunlinkat(dirfid, name, flags), Runlinkat.class);
    }

    public Rstatfs statfs(int fid) {
        return call(new Tmessage.Tstatfs(fid), Rstatfs.class);
    }

    public void fsync(int fid, int datasync) {
        call(new Tmessage.Tfsync(fid, datasync), Rfsync.class);
    }

    /** The lock status (SUCCESS 0, BLOCKED 1, ERROR 2, GRACE 3). */
    public int lock(int fid, int lockType, int flags, long start, long length, int procId, String clientId) {
        return call(new Tmessage.Tlock(fid, lockType, flags, start, length, procId, clientId), Rlock.class).status();
    }

    public Rgetlock getlock(int fid, int lockType, long start, long length, int procId, String clientId) {
        return call(new Tmessage.Tgetlock(fid, lockType, start, length, procId, clientId), Rgetlock.class);
    }

    /** The size of the attribute (or of the name list, for an empty name). */
    public long xattrwalk(int fid, int newfid, String name) {
        return call(new Tmessage.Txattrwalk(fid, newfid, name), Rxattrwalk.class).size();
    }

    public void xattrcreate(int fid, String name, long attrSize, int flags) {
        call(new Tmessage.Txattrcreate(fid, name, attrSize, flags), Rxattrcreate.class);
    }

    /** Flushes {@code oldtag} and waits for Rflush. */
    public void flush(int oldtag) {
        expect(new Tmessage.Tflush(oldtag), await(flushAsync(oldtag)), Rflush.class);
    }

    public CompletableFuture<Rmessage> flushAsync(int oldtag) {
        return send(new Tmessage.Tflush(oldtag));
    }

    /** Reads an open file from offset 0 until the server returns no data, in iounit-sized requests. */
    public byte[] readAll(int fid) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int count = chunkSize();
        for (long offset = 0; ; ) {
            byte[] chunk = read(fid, offset, count);
            if (chunk.length == 0) {
                return all.toByteArray();
            }
            all.write(chunk, 0, chunk.length);
            offset += chunk.length;
        }
    }

    /** Reads an open directory from its start until the server returns an empty Rreaddir. */
    public List<Dirent> readdirAll(int fid) {
        List<Dirent> all = new ArrayList<>();
        int count = chunkSize();
        for (long offset = 0; ; ) {
            List<Dirent> entries = readdir(fid, offset, count);
            if (entries.isEmpty()) {
                return all;
            }
            all.addAll(entries);
            offset = entries.get(entries.size() - 1).offset();
        }
    }

    /** What fits a reply: msize − IOHDRSZ, or 8 KiB before negotiation. */
    private int chunkSize() {
        int negotiated = msize;
        return negotiated == Integer.MAX_VALUE ? 8192 : negotiated - P9.IOHDRSZ;
    }

    private <R extends Rmessage> R call(Tmessage request, Class<R> expected) {
        return expect(request, await(send(request)), expected);
    }

    private static <R extends Rmessage> R expect(Tmessage request, Rmessage reply, Class<R> expected) {
        if (reply instanceof Rlerror error) {
            throw new NinepException(request.opName(), error.ecode());
        }
        if (!expected.isInstance(reply)) {
            throw new UnexpectedReplyException(request.opName() + " was answered with "
                    + reply.getClass().getSimpleName());
        }
        return expected.cast(reply);
    }

    /** The reply; a failure's own unchecked exception is rethrown as it is. */
    private Rmessage await(CompletableFuture<Rmessage> reply) {
        Duration limit = timeout;
        try {
            return reply.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ReplyTimeoutException("no reply within " + limit);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a reply");
        }
    }
}
