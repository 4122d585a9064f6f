package io.ninep.server.flush;

import static io.ninep.server.flush.FlushTestBase.EBADF;
import static io.ninep.server.flush.FlushTestBase.O_RDWR;
import static io.ninep.server.flush.FlushTestBase.S_IFDIR;
import static io.ninep.server.flush.FlushTestBase.S_IFMT;
import static io.ninep.server.flush.FlushTestBase.S_IFREG;
import static io.ninep.server.flush.FlushTestBase.UNLCK;
import static io.ninep.server.flush.FlushTestBase.WRLCK;

import io.ninep.client.NinepClient;
import io.ninep.protocol.Dirent;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One connection of the flush torture: pipelines seeded random requests and Tflushes within a window,
 * judges the replies with a {@link FlushChecker}, then checks that the server's state agrees with what the
 * client saw — every answered walk, create, mkdir, write and lock took effect, every dropped one did not.
 */
final class TortureConnection {
    static final int DIR = 2;
    private static final int LISTING = 3;
    private static final int DATA = 4;
    private static final int SCRATCH = 5;
    private static final int FIRST_CLONE = 1000;
    private static final int FIRST_NEWFID = 20_000;
    private static final int WINDOW = 48;
    private static final int CHECK_BATCH = 256;

    private final int index;
    private final NinepClient client;
    private final String dirName;
    private final Random random;
    private final TagPool tags;
    private final FlushChecker checker;
    private final Semaphore window = new Semaphore(WINDOW);
    private final List<TortureOp> ops = new ArrayList<>();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Integer> clones = new ArrayDeque<>();
    private int nextNewfid = FIRST_NEWFID;
    private int nextSlot;
    private int nextName;
    private TortureOp last;

    TortureConnection(int index, NinepClient client, String dirName, Random random, TagPool.Policy policy) {
        this.index = index;
        this.client = client;
        this.dirName = dirName;
        this.random = random;
        this.tags = new TagPool(policy);
        this.checker = new FlushChecker("connection " + index + " (" + policy + ")");
        client.addReplyListener(checker);
    }

    /** Opens the listing and the data file and walks {@code cloneCount} directory fids for Tlcreate. */
    void prepare(int cloneCount) throws Exception {
        client.walk(DIR, LISTING);
        client.lopen(LISTING, 0);
        client.walk(DIR, DATA);
        client.lcreate(DATA, "data", O_RDWR, 0644, 0);
        List<CompletableFuture<Rmessage>> walks = new ArrayList<>();
        for (int i = 0; i < cloneCount; i++) {
            walks.add(client.send(new Tmessage.Twalk(DIR, FIRST_CLONE + i, List.of())));
            clones.add(FIRST_CLONE + i);
        }
        for (CompletableFuture<Rmessage> w : walks) {
            if (!(w.get(20, TimeUnit.SECONDS) instanceof Rmessage.Rwalk)) {
                throw new AssertionError("connection " + index + ": clone walk failed: " + w.get());
            }
        }
    }

    /** Sends {@code messages} requests and flushes, at most {@link #WINDOW} in flight, then waits for all. */
    void run(int messages) throws InterruptedException {
        checker.judging(true);
        for (int i = 0; i < messages; i++) {
            if (!window.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new AssertionError("connection " + index + ": no reply for 30 s, " + checker.inFlight()
                        + " requests in flight");
            }
            send(last != null && random.nextInt(100) < 30 ? flush() : operation());
        }
        if (!window.tryAcquire(WINDOW, 30, TimeUnit.SECONDS)) {
            throw new AssertionError("connection " + index + ": " + checker.inFlight() + " requests never resolved");
        }
        // Longer than any injected delay: a reply that wrongly outlives its Rflush would arrive by now.
        Thread.sleep(300);
        checker.judging(false);
    }

    private void send(TortureOp op) {
        ops.add(op);
        last = op;
        checker.sending(op);
        client.send(op.tag, op.message).whenComplete((reply, failure) -> {
            tags.release(op.tag);
            if (op.message instanceof Tmessage.Tflush flush) {
                tags.release(flush.oldtag());
            }
            if (failure != null && !(failure instanceof CancellationException)) {
                failures.add(failure);
            }
            window.release();
        });
    }

    /** Mostly the request just sent; else any in flight (a flush, too); rarely a tag with nothing on it. */
    private TortureOp flush() {
        int choice = random.nextInt(100);
        int oldtag;
        if (choice < 65) {
            oldtag = last.tag;
        } else if (choice < 90) {
            TortureOp any = checker.anyInFlight(random);
            oldtag = any == null ? last.tag : any.tag;
        } else {
            oldtag = tags.someFree(random);
        }
        tags.hold(oldtag);
        return new TortureOp(TortureOp.Kind.FLUSH, new Tmessage.Tflush(oldtag), tags.acquire(), oldtag, null);
    }

    private TortureOp operation() {
        int tag = tags.acquire();
        int choice = random.nextInt(100);
        if (choice < 20) {
            int newfid = nextNewfid++;
            List<String> names = random.nextBoolean() ? List.of() : List.of("data");
            return new TortureOp(TortureOp.Kind.WALK, new Tmessage.Twalk(DIR, newfid, names), tag, newfid, null);
        }
        if (choice < 35 && !clones.isEmpty()) {
            int fid = clones.removeFirst();
            String name = "c" + nextName++;
            return new TortureOp(TortureOp.Kind.LCREATE, new Tmessage.Tlcreate(fid, name, O_RDWR, 0644, 0), tag, fid,
                    name);
        }
        if (choice < 45) {
            String name = "m" + nextName++;
            return new TortureOp(TortureOp.Kind.MKDIR, new Tmessage.Tmkdir(DIR, name, 0755, 0), tag, 0, name);
        }
        if (choice < 65) {
            int slot = nextSlot++;
            return new TortureOp(TortureOp.Kind.WRITE,
                    new Tmessage.Twrite(DATA, 8L * slot, ByteBuffer.wrap(pattern(slot))), tag, slot, null);
        }
        if (choice < 75) {
            long start = 2L * nextSlot++;
            return new TortureOp(TortureOp.Kind.LOCK, new Tmessage.Tlock(DATA, WRLCK, 0, start, 1, 1, "torture"), tag,
                    start, null);
        }
        if (choice < 85) {
            return new TortureOp(TortureOp.Kind.READ, new Tmessage.Tread(DATA, 8L * random.nextInt(nextSlot + 1), 64),
                    tag, 0, null);
        }
        if (choice < 90) {
            return new TortureOp(TortureOp.Kind.GETATTR, new Tmessage.Tgetattr(DIR, P9.GETATTR_ALL), tag, 0, null);
        }
        if (choice < 95) {
            return new TortureOp(TortureOp.Kind.READDIR, new Tmessage.Treaddir(LISTING, 0, 8192), tag, 0, null);
        }
        return new TortureOp(TortureOp.Kind.STATFS, new Tmessage.Tstatfs(DIR), tag, 0, null);
    }

    /** Eight bytes no other slot of any connection has, none of them zero. */
    private byte[] pattern(int slot) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(index + 1).putInt(slot + 1).array();
    }

    /** Wire-level violations, then disagreements between the replies seen and the server's state. */
    List<String> verify(NinepClient probe) throws Exception {
        List<String> problems = new ArrayList<>(checker.violations());
        failures.forEach(f -> problems.add("connection " + index + ": request failed: " + f));
        for (TortureOp op : ops) {
            if (op.outcome == TortureOp.Outcome.PENDING) {
                problems.add("connection " + index + ": never resolved: " + op);
            }
            if (op.kind == TortureOp.Kind.FLUSH && !op.answeredWith(Rmessage.Rflush.class)) {
                problems.add("connection " + index + ": flush without its Rflush: " + op);
            }
        }
        if (client.unexpectedReplies() != 0) {
            problems.add("connection " + index + ": " + client.unexpectedReplies() + " replies on tags not in flight");
        }
        if (client.isClosed()) {
            problems.add("connection " + index + ": closed before verification: " + client.closeCause().getMessage());
            return problems;
        }
        checkNames(problems);
        checkFids(problems);
        checkWrites(problems);
        checkLocks(probe, problems);
        return problems;
    }

    /** The directory holds exactly the names whose Tlcreate or Tmkdir was answered with success. */
    private void checkNames(List<String> problems) {
        Set<String> expected = new HashSet<>(Set.of(".", "..", "data"));
        for (TortureOp op : ops) {
            if (op.answeredWith(Rmessage.Rlcreate.class) || op.answeredWith(Rmessage.Rmkdir.class)) {
                expected.add(op.name);
            }
        }
        client.walk(DIR, SCRATCH);
        client.lopen(SCRATCH, 0);
        Set<String> listed = new HashSet<>();
        for (Dirent d : client.readdirAll(SCRATCH)) {
            listed.add(d.name());
        }
        client.clunk(SCRATCH);
        Set<String> extra = new HashSet<>(listed);
        extra.removeAll(expected);
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(listed);
        if (!extra.isEmpty()) {
            problems.add("connection " + index + ": names without a successful reply: " + extra + " " + fates(extra));
        }
        if (!missing.isEmpty()) {
            problems.add("connection " + index + ": answered but absent: " + missing);
        }
    }

    private List<TortureOp> fates(Set<String> names) {
        return ops.stream().filter(op -> op.name != null && names.contains(op.name)).toList();
    }

    /** An answered walk bound its newfid, a dropped one did not; an answered create turned its fid into the file. */
    private void checkFids(List<String> problems) throws Exception {
        List<TortureOp> subjects = ops.stream()
                .filter(op -> op.kind == TortureOp.Kind.WALK || op.kind == TortureOp.Kind.LCREATE).toList();
        List<Rmessage> replies = inBatches(subjects, op -> new Tmessage.Tgetattr((int) op.subject, P9.GETATTR_BASIC));
        for (int i = 0; i < subjects.size(); i++) {
            TortureOp op = subjects.get(i);
            Rmessage reply = replies.get(i);
            if (op.kind == TortureOp.Kind.WALK) {
                boolean bound = reply instanceof Rmessage.Rgetattr;
                boolean walked = op.answeredWith(Rmessage.Rwalk.class)
                        && ((Rmessage.Rwalk) op.reply).wqids().size() == ((Tmessage.Twalk) op.message).wnames().size();
                if (bound != walked || !bound && !(reply instanceof Rmessage.Rlerror e && e.ecode() == EBADF)) {
                    problems.add("connection " + index + ": " + op + " but getattr of its newfid gave " + reply);
                }
            } else {
                int type = reply instanceof Rmessage.Rgetattr a ? a.mode() & S_IFMT : -1;
                int expected = op.answeredWith(Rmessage.Rlcreate.class) ? S_IFREG : S_IFDIR;
                if (type != expected) {
                    problems.add("connection " + index + ": " + op + " but its fid now has type " + type);
                }
            }
        }
    }

    /** Each slot holds its pattern exactly when its Twrite was answered with Rwrite. */
    private void checkWrites(List<String> problems) {
        byte[] file = client.readAll(DATA);
        for (TortureOp op : ops) {
            if (op.kind != TortureOp.Kind.WRITE) {
                continue;
            }
            int from = (int) (8 * op.subject);
            byte[] found = from >= file.length ? new byte[8] : Arrays.copyOfRange(file, from, from + 8);
            byte[] expected = op.answeredWith(Rmessage.Rwrite.class) ? pattern((int) op.subject) : new byte[8];
            if (!Arrays.equals(found, expected)) {
                problems.add("connection " + index + ": " + op + " but the slot holds " + Arrays.toString(found));
            }
        }
    }

    /** Another connection sees a lock exactly where a Tlock was answered with SUCCESS. */
    private void checkLocks(NinepClient probe, List<String> problems) throws Exception {
        int probeFid = 100 + index;
        probe.walk(1, probeFid, dirName, "data");
        probe.lopen(probeFid, O_RDWR);
        List<TortureOp> locks = ops.stream().filter(op -> op.kind == TortureOp.Kind.LOCK).toList();
        List<Rmessage> replies = inBatches(probe, locks,
                op -> new Tmessage.Tgetlock(probeFid, WRLCK, op.subject, 1, 999, "probe"));
        for (int i = 0; i < locks.size(); i++) {
            TortureOp op = locks.get(i);
            boolean taken = op.answeredWith(Rmessage.Rlock.class) && ((Rmessage.Rlock) op.reply).status() == 0;
            Rmessage reply = replies.get(i);
            int seen = reply instanceof Rmessage.Rgetlock g ? g.lockType() : -1;
            if (seen != (taken ? WRLCK : UNLCK)) {
                problems.add("connection " + index + ": " + op + " but the probe sees lock type " + seen);
            }
        }
        probe.clunk(probeFid);
    }

    private List<Rmessage> inBatches(List<TortureOp> subjects, Function<TortureOp, Tmessage> request)
            throws Exception {
        return inBatches(client, subjects, request);
    }

    private static List<Rmessage> inBatches(NinepClient via, List<TortureOp> subjects,
                                            Function<TortureOp, Tmessage> request) throws Exception {
        List<Rmessage> replies = new ArrayList<>();
        for (int from = 0; from < subjects.size(); from += CHECK_BATCH) {
            List<CompletableFuture<Rmessage>> batch = new ArrayList<>();
            for (TortureOp op : subjects.subList(from, Math.min(subjects.size(), from + CHECK_BATCH))) {
                batch.add(via.send(request.apply(op)));
            }
            for (CompletableFuture<Rmessage> f : batch) {
                replies.add(f.get(20, TimeUnit.SECONDS));
            }
        }
        return replies;
    }

    int dropped() {
        return checker.dropped();
    }

    String summary() {
        long flushes = ops.stream().filter(op -> op.kind == TortureOp.Kind.FLUSH).count();
        return checker.summary() + ", requests " + (ops.size() - flushes) + ", flushes " + flushes;
    }
}
