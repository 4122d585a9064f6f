package io.ninep.admin;

import java.util.Map;

/** The JSON bodies of the mutating export endpoints, read by {@link StrictJson}. */
public final class Changes {

    /** {@code {"mode":"read-only"}} or {@code {"mode":"read-write"}}. */
    public record ModeChange(String mode) {
    }

    /** {@code {"faults":{"read":{"delay":"250ms","errno":"EIO"}}}}: replaces the export's whole fault plan. */
    public record FaultsChange(Map<String, FaultSpec> faults) {
    }

    /** {@code delay} in Quarkus duration syntax ({@code 250ms}, {@code 3s}, {@code PT3S}); {@code errno} a name. */
    public record FaultSpec(String delay, String errno) {
    }

    private Changes() {
    }
}
