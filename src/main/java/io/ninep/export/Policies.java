package io.ninep.export;

import java.util.HashMap;
import java.util.Map;

/** The policies of every export at one moment; what a request captures when it arrives. */
public record Policies(Map<String, ExportPolicy> byExport) {
    public Policies {
        byExport = Map.copyOf(byExport);
    }

    public ExportPolicy of(Export export) {
        ExportPolicy p = byExport.get(export.name());
        if (p == null) {
            throw new IllegalStateException("no policy for export " + export.name());
        }
        return p;
    }

    public Policies with(String exportName, ExportPolicy policy) {
        Map<String, ExportPolicy> copy = new HashMap<>(byExport);
        copy.put(exportName, policy);
        return new Policies(copy);
    }
}
