package io.ninep.admin;

import io.ninep.admin.Views.ExportView;
import io.ninep.admin.Views.FaultView;
import io.ninep.admin.Views.QidTableView;
import io.ninep.export.qid.ExportQidMapper;
import io.ninep.export.qid.QidTableStatus;
import io.ninep.export.Export;
import io.ninep.export.ExportPolicy;
import io.ninep.export.ExportRegistry;
import io.ninep.export.Fault;
import io.ninep.server.ControlPlane;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Exports and their runtime policy. A change returns only after every connection has installed it on its own
 * context (LESSONS.md §2): from then on every new request is processed under it.
 */
@Path("/admin/exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "exports")
public class ExportsResource {
    private final ExportRegistry exports;
    private final ControlPlane controlPlane;

    @Inject
    public ExportsResource(ExportRegistry exports, ControlPlane controlPlane) {
        this.exports = exports;
        this.controlPlane = controlPlane;
    }

    @GET
    @Operation(summary = "Every export with its current access mode and injected faults")
    public List<ExportView> list() {
        return exports.all().stream().map(this::view).toList();
    }

    @GET
    @Path("{name}/qid-table")
    @Operation(summary = "How the export turns files into qid paths")
    public QidTableView qidTable(@PathParam("name") String name) {
        Export e = require(name);
        if (e.qidMapper() instanceof ExportQidMapper) {
            QidTableStatus status = ((ExportQidMapper) e.qidMapper()).status();
            return new QidTableView(e.name(), e.qidMapper().getClass().getName(),
                    status.mode().name().toLowerCase(java.util.Locale.ROOT),
                    "qid paths of a local export: unique across devices, kept in a persisted table (LESSONS.md §3)",
                    status);
        }
        return new QidTableView(e.name(), e.qidMapper().getClass().getName(), "inode",
                "qid.path is the memory backend's inode number: unique, never reused, one device, no table",
                null);
    }

    @PUT
    @Path("{name}/mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminMutation
    @SecurityRequirement(name = BearerTokenFilter.SCHEME)
    @CustomDeserialization(StrictJson.class)
    @Operation(summary = "Switch an export between read-only and read-write")
    public CompletionStage<ExportView> mode(@PathParam("name") String name, Changes.ModeChange change) {
        Export e = require(name);
        String mode = change == null ? null : change.mode();
        boolean readOnly;
        if ("read-only".equals(mode)) {
            readOnly = true;
        } else if ("read-write".equals(mode)) {
            readOnly = false;
        } else {
            throw AdminException.badRequest("body must be {\"mode\":\"read-only\"} or {\"mode\":\"read-write\"}");
        }
        return apply(e, p -> p.withReadOnly(readOnly));
    }

    @PUT
    @Path("{name}/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminMutation
    @SecurityRequirement(name = BearerTokenFilter.SCHEME)
    @CustomDeserialization(StrictJson.class)
    @Operation(summary = "Replace the export's fault plan (an empty map clears it)")
    public CompletionStage<ExportView> faults(@PathParam("name") String name, Changes.FaultsChange change) {
        Export e = require(name);
        Map<String, Fault> faults = FaultPlan.parse(change);
        return apply(e, p -> p.withFaults(faults));
    }

    private CompletionStage<ExportView> apply(Export e, UnaryOperator<ExportPolicy> change) {
        return controlPlane.update(e, change).thenApply(v -> view(e));
    }

    private Export require(String name) {
        return exports.byName(name).orElseThrow(() -> AdminException.notFound("no export '" + name + "'"));
    }

    private ExportView view(Export e) {
        ExportPolicy p = controlPlane.policy(e);
        Map<String, FaultView> faults = new LinkedHashMap<>();
        new TreeMap<>(p.faults()).forEach((op, f) -> faults.put(op,
                new FaultView(f.delay().toMillis(), f.errno().map(Enum::name).orElse(null))));
        return new ExportView(e.name(), e.type(), e.location(), p.readOnly(), faults);
    }
}
