package io.ninep.server.handler;

import io.ninep.export.Export;
import io.ninep.fs.FsException;
import io.ninep.fs.Identity;
import io.ninep.fs.Node;
import io.ninep.posix.Errno;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tattach;
import io.ninep.server.Exchange;
import io.ninep.server.Fid;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/**
 * Tattach: binds fid to the root of the export aname selects (empty → the default export; an export name
 * or a local export's path otherwise; unknown → ENOENT). The user is n_uname when given (the Linux client
 * sends the caller's uid with access=user|client), else a numeric uname, else nobody (65534).
 * Commit point: binding the fid; cancelled before, the root handle is closed and no fid exists.
 */
public final class TattachHandler implements Handler<Tattach> {
    private static final int NOBODY = 65534;

    @Override
    public Class<Tattach> messageType() {
        return Tattach.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tattach m) {
        if (m.afid() != P9.NOFID) {
            return Uni.createFrom().failure(new FsException(Errno.EINVAL, "authentication not required"));
        }
        Export export = x.services().exports().resolve(m.aname()).orElse(null);
        if (export == null) {
            return Uni.createFrom().failure(new FsException(Errno.ENOENT, "no export " + m.aname()));
        }
        int uid = m.nUname() != P9.NONUNAME ? m.nUname() : numericOr(m.uname(), NOBODY);
        return x.onExport(export, () -> {
            Node root = export.fileSystem().root();
            try {
                Rmessage reply = new Rmessage.Rattach(x.qid(export, root.id()));
                x.commit();
                x.session().fids().bind(new Fid(m.fid(), export, root, new Identity(uid, uid), "/"));
                return reply;
            } catch (RuntimeException e) {
                root.close();
                throw e;
            }
        });
    }

    private static int numericOr(String uname, int fallback) {
        if (uname.equals("root")) {
            return 0;
        }
        try {
            return Integer.parseInt(uname);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
