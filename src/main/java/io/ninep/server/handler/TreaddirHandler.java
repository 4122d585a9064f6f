package io.ninep.server.handler;

import io.ninep.protocol.Dirent;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Treaddir;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * Treaddir: entries after the offset cookie, whole entries only, as many as fit in count (clamped to
 * msize − 24 like a read, so the reply stays below msize). Offsets are the backend's cookies, valid
 * across calls and reopen; an empty reply ends the directory. Read-only: no commit point.
 */
public final class TreaddirHandler implements Handler<Treaddir> {

    @Override
    public Class<Treaddir> messageType() {
        return Treaddir.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Treaddir m) {
        int budget = (int) Math.min(Integer.toUnsignedLong(m.count()), x.session().ioUnit());
        return x.onFid(m.fid(), fid -> {
            var dir = fid.requireOpenDirectory();
            List<Dirent> entries = new ArrayList<>();
            int[] used = {0};
            fid.export().fileSystem().readdir(dir, m.offset(), (name, id, next) -> {
                Dirent d = new Dirent(x.qid(fid.export(), id), next, id.type().direntType(), name);
                if (used[0] + d.wireSize() > budget) {
                    return false;
                }
                used[0] += d.wireSize();
                entries.add(d);
                return true;
            });
            return new Rmessage.Rreaddir(entries);
        });
    }
}
