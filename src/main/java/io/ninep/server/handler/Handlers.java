package io.ninep.server.handler;

import io.ninep.server.Handler;
import java.util.List;

/** Every 9P2000.L request handler, one per message type. */
public final class Handlers {
    private Handlers() {
    }

    public static List<Handler<?>> all() {
        return List.of(new TversionHandler(), new TauthHandler(), new TattachHandler(), new TflushHandler(),
                new TwalkHandler(), new TstatfsHandler(), new TlopenHandler(), new TlcreateHandler(),
                new TsymlinkHandler(), new TmknodHandler(), new TrenameHandler(), new TreadlinkHandler(),
                new TgetattrHandler(), new TsetattrHandler(), new TxattrwalkHandler(), new TxattrcreateHandler(),
                new TreaddirHandler(), new TfsyncHandler(), new TlockHandler(), new TgetlockHandler(),
                new TlinkHandler(), new TmkdirHandler(), new TrenameatHandler(), new TunlinkatHandler(),
                new TreadHandler(), new TwriteHandler(), new TclunkHandler(), new TremoveHandler());
    }
}
