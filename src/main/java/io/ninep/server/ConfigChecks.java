package io.ninep.server;

import io.ninep.config.ConfigurationException;
import io.ninep.config.NinepConfig;
import io.ninep.protocol.P9;
import java.time.Duration;

/** Startup validation of the numeric limits; a bad value names its property. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static void validate(NinepConfig c) {
        if (c.maxMsize() < P9.MIN_MSIZE) {
            throw new ConfigurationException("ninep.max-msize", "must be at least " + P9.MIN_MSIZE);
        }
        if (c.port() < 0 || c.port() > 65535) {
            throw new ConfigurationException("ninep.port", "must be 0..65535");
        }
        positive("ninep.worker-threads", c.workerThreads());
        if (c.workerConcurrency() < 1 || c.workerConcurrency() > c.workerThreads()) {
            throw new ConfigurationException("ninep.worker-concurrency", "must be 1..ninep.worker-threads");
        }
        positive("ninep.worker-stall-threshold", c.workerStallThreshold());
        positive("ninep.max-fids", c.maxFids());
        positive("ninep.max-pending", c.maxPending());
        positive("ninep.max-connections", c.maxConnections());
        positive("ninep.version-timeout", c.versionTimeout());
        notNegative("ninep.idle-timeout", c.idleTimeout());
        notNegative("ninep.write-stall-timeout", c.writeStallTimeout());
    }

    private static void notNegative(String property, Duration value) {
        if (value.isNegative()) {
            throw new ConfigurationException(property, "must not be negative");
        }
    }

    private static void positive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException(property, "must be positive");
        }
    }

    private static void positive(String property, int value) {
        if (value <= 0) {
            throw new ConfigurationException(property, "must be positive, is " + value);
        }
    }
}
