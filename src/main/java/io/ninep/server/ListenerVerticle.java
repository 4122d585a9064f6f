package io.ninep.server;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.function.Consumer;

/**
 * One 9P listener on its own event loop. Several instances bound to the same port share it, and Vert.x
 * spreads accepted connections across their event loops.
 */
final class ListenerVerticle extends AbstractVerticle {
    private final NetServerOptions options;
    private final Consumer<NetSocket> accept;
    private volatile NetServer server;

    ListenerVerticle(NetServerOptions options, Consumer<NetSocket> accept) {
        this.options = options;
        this.accept = accept;
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.createNetServer(options).connectHandler(accept::accept).listen()
                .onSuccess(s -> {
                    server = s;
                    started.complete();
                })
                .onFailure(started::fail);
    }

    /** The bound port; valid once deployed. */
    int actualPort() {
        return server.actualPort();
    }

    /** Stops accepting; connections already open stay. */
    io.vertx.core.Future<Void> stopAccepting() {
        return server == null ? io.vertx.core.Future.succeededFuture() : server.close();
    }
}
