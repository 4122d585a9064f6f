package io.ninep.export;

import java.util.Map;
import java.util.Optional;

/**
 * The runtime rules of one export that the control plane may change while it serves: its access mode
 * and its fault plan (keyed by operation name: {@code read}, {@code walk}, ...). Immutable; a change makes
 * a new one, so a request sees the old rules or the new ones, never a mix (LESSONS.md §2).
 */
public record ExportPolicy(boolean readOnly, Map<String, Fault> faults) {
    public ExportPolicy {
        faults = Map.copyOf(faults);
    }

    public Optional<Fault> fault(String op) {
        return Optional.ofNullable(faults.get(op));
    }

    public ExportPolicy withReadOnly(boolean value) {
        return new ExportPolicy(value, faults);
    }

    public ExportPolicy withFaults(Map<String, Fault> value) {
        return new ExportPolicy(readOnly, value);
    }
}
