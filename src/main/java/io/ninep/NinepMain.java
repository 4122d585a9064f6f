package io.ninep;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import sun.misc.Signal;

/**
 * Entry point. SIGTERM (Kubernetes stopping the pod) is a request for a graceful stop, not a failure: it
 * runs the normal shutdown (drain, save state) and the process exits 0 rather than the JVM's 143.
 */
@QuarkusMain
public class NinepMain implements QuarkusApplication {

    public static void main(String... args) {
        // Installed before startup: the 9P port opens during startup, so a SIGTERM may come before run().
        Signal.handle(new Signal("TERM"), signal -> Quarkus.asyncExit(0));
        Quarkus.run(NinepMain.class, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
