package io.ninep.fuzz;

import io.ninep.config.NinepConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of the hand-built server of {@link FuzzServer}: one small in-memory export and
 * the production limits. A record rather than SmallRye's mapping, so no CDI container is needed.
 */
record FuzzConfig(int maxMsize, long exportCapacity) implements NinepConfig {
    static final String EXPORT = "default";

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return 0;
    }

    @Override
    public String defaultExport() {
        return EXPORT;
    }

    @Override
    public Map<String, ExportConfig> exports() {
        return Map.of(EXPORT, new MemoryExport(exportCapacity));
    }

    @Override
    public Optional<Integer> eventLoopsSetting() {
        return Optional.of(1);
    }

    @Override
    public Optional<Long> memoryBudgetSetting() {
        return Optional.empty();
    }

    @Override
    public Optional<Long> connectionMemoryLimitSetting() {
        return Optional.empty();
    }

    @Override
    public Duration writeStallTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public int workerThreads() {
        return 4;
    }

    @Override
    public Optional<Integer> workerConcurrencySetting() {
        return Optional.empty();
    }

    @Override
    public Duration workerStallThreshold() {
        return Duration.ofMillis(5);
    }

    @Override
    public int maxFids() {
        return 16384;
    }

    @Override
    public int maxPending() {
        return 1024;
    }

    @Override
    public int maxConnections() {
        return 4096;
    }

    @Override
    public Duration versionTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public Duration idleTimeout() {
        return Duration.ZERO;
    }

    @Override
    public Duration shutdownTimeout() {
        return Duration.ofSeconds(1);
    }

    private record MemoryExport(long capacity) implements ExportConfig {
        @Override
        public String type() {
            return "memory";
        }

        @Override
        public Optional<String> path() {
            return Optional.empty();
        }

        @Override
        public boolean readOnly() {
            return false;
        }

        @Override
        public Map<String, FaultConfig> faults() {
            return Map.of();
        }

        @Override
        public String multidevs() {
            return "remap";
        }

        @Override
        public Optional<String> qidTable() {
            return Optional.empty();
        }

        @Override
        public long qidTableMaxEntries() {
            return 262144;
        }
    }
}
