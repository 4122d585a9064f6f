package io.ninep.export;

import io.ninep.posix.Errno;
import java.time.Duration;
import java.util.Optional;

/** An injected fault for one operation: wait {@code delay}, then fail with {@code errno} if present. */
public record Fault(Duration delay, Optional<Errno> errno) {
    public Fault {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("fault delay must not be negative: " + delay);
        }
    }
}
