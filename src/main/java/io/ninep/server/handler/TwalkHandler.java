package io.ninep.server.handler;

import io.ninep.fs.FileSystem;
import io.ninep.fs.FsException;
import io.ninep.fs.Node;
import io.ninep.protocol.Qid;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Twalk;
import io.ninep.server.Exchange;
import io.ninep.server.Fid;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * Twalk (walk(5)): nwname 0 clones fid; otherwise one name at a time from fid's node. A failure on the
 * first name is an Rlerror; a later one gives a short Rwalk and leaves newfid unbound (LESSONS.md: being
 * stricter broke `ls`). newfid may equal fid, which then moves. ".." at the export root stays there (the
 * backend guarantees it). Commit point: binding newfid; cancelled before, every handle made is closed.
 */
public final class TwalkHandler implements Handler<Twalk> {

    @Override
    public Class<Twalk> messageType() {
        return Twalk.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Twalk m) {
        m.wnames().forEach(Names::component);
        return x.onFid(m.fid(), fid -> {
            if (m.newfid() != m.fid()) {
                requireUnused(x, m.newfid());
            }
            FileSystem fs = fid.export().fileSystem();
            List<Qid> qids = new ArrayList<>();
            // current is fid's own node until the first step succeeds; after that, a handle of ours.
            Node current = m.wnames().isEmpty() ? fs.duplicate(fid.node()) : fid.node();
            boolean owned = m.wnames().isEmpty();
            String path = fid.path();
            try {
                for (String name : m.wnames()) {
                    Node next;
                    Qid qid;
                    try {
                        next = name.equals(".") ? fs.duplicate(current) : fs.walk(current, name);
                        qid = qidOrClose(x, fid, next);
                    } catch (FsException e) {
                        if (qids.isEmpty()) {
                            throw e;
                        }
                        current.close();
                        return new Rmessage.Rwalk(qids);
                    }
                    if (owned) {
                        current.close();
                    }
                    current = next;
                    owned = true;
                    path = Names.child(path, name);
                    qids.add(qid);
                }
                x.commit();
                Fid walked = fid.rebind(m.newfid(), current, path);
                if (m.newfid() == m.fid()) {
                    x.session().fids().replace(fid, walked);
                } else {
                    x.session().fids().bind(walked);
                }
                return new Rmessage.Rwalk(qids);
            } catch (RuntimeException e) {
                if (owned) {
                    current.close();
                }
                throw e;
            }
        });
    }

    /**
     * The qid of a node just walked to; a mapper that refuses it (multidevs=forbid, a full qid table) fails
     * this step like a failed walk, so a later name gives a short Rwalk instead of failing the whole walk.
     */
    private static Qid qidOrClose(Exchange x, Fid fid, Node next) {
        try {
            return x.qid(fid.export(), next.id());
        } catch (FsException e) {
            next.close();
            throw e;
        }
    }

    /** Fails fast, before any walking, when newfid is taken; {@code bind} re-checks atomically. */
    private static void requireUnused(Exchange x, int newfid) {
        if (x.session().fids().contains(newfid)) {
            throw new FsException(io.ninep.posix.Errno.EINVAL, "newfid in use");
        }
    }
}
