package io.ninep.server.handler;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Tmessage.Tauth;
import io.ninep.server.Exchange;
import io.ninep.server.Handler;
import io.smallrye.mutiny.Uni;

/** Tauth: no authentication is configured, so Rlerror ENOENT (what diod's clients expect). */
public final class TauthHandler implements Handler<Tauth> {

    @Override
    public Class<Tauth> messageType() {
        return Tauth.class;
    }

    @Override
    public Uni<Rmessage> handle(Exchange x, Tauth m) {
        return Uni.createFrom().failure(new FsException(Errno.ENOENT, "authentication not required"));
    }
}
