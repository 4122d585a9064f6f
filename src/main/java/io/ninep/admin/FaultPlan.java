package io.ninep.admin;

import io.ninep.export.ExportRegistry;
import io.ninep.export.Fault;
import io.ninep.posix.Errno;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Validates a {@link Changes.FaultsChange} into the faults an export policy holds; bad input is a 400. */
final class FaultPlan {

    static Map<String, Fault> parse(Changes.FaultsChange change) {
        if (change == null || change.faults() == null) {
            throw AdminException.badRequest("body must be {\"faults\":{\"<op>\":{\"delay\":\"250ms\",\"errno\":\"EIO\"}}}");
        }
        Map<String, Fault> out = new LinkedHashMap<>();
        change.faults().forEach((op, spec) -> out.put(op, fault(op, spec)));
        return out;
    }

    private static Fault fault(String op, Changes.FaultSpec spec) {
        if (!ExportRegistry.faultOperations().contains(op)) {
            throw AdminException.badRequest("'" + op + "' names no operation; expected one of "
                    + new TreeSet<>(ExportRegistry.faultOperations()));
        }
        if (spec == null) {
            throw AdminException.badRequest("fault for '" + op + "' needs a delay, an errno or both");
        }
        Optional<Errno> errno = Optional.ofNullable(spec.errno()).map(name -> Errno.named(name).orElseThrow(() ->
                AdminException.badRequest("'" + name + "' (fault for '" + op + "') is not a Linux errno name")));
        try {
            return new Fault(delay(op, spec.delay()), errno);
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
    }

    private static Duration delay(String op, String text) {
        if (text == null) {
            return Duration.ZERO;
        }
        try {
            return DurationConverter.parseDuration(text.trim());
        } catch (RuntimeException e) {
            throw AdminException.badRequest("'" + text + "' (fault delay for '" + op
                    + "') is not a duration such as 250ms, 3s or PT3S");
        }
    }

    private FaultPlan() {
    }
}
