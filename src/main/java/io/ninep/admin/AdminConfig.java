package io.ninep.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** The {@code ninep.admin.*} configuration: the admin API's token and the event-loop probe. */
@ConfigMapping(prefix = "ninep.admin")
public interface AdminConfig {

    /** Bearer token the mutating admin endpoints require; without one they are all refused (403). */
    Optional<String> token();

    /** How often the probe on each event loop measures how late its timer fires. */
    @WithName("loop-probe-interval")
    @WithDefault("500ms")
    Duration loopProbeInterval();

    /** Liveness fails when an event loop runs this late (it no longer serves its connections). */
    @WithName("max-loop-delay")
    @WithDefault("5s")
    Duration maxLoopDelay();

    /** How long a read of a connection's state waits for its event loop to run the read. */
    @WithName("snapshot-timeout")
    @WithDefault("5s")
    Duration snapshotTimeout();
}
