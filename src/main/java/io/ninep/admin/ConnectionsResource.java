package io.ninep.admin;

import io.ninep.admin.Views.ConnectionView;
import io.ninep.admin.Views.DrainView;
import io.ninep.admin.Views.FidView;
import io.ninep.admin.Views.PendingView;
import io.ninep.server.Connection;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Live 9P connections: what each is doing, and draining or closing one. */
@Path("/admin/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "connections")
@SecurityScheme(securitySchemeName = BearerTokenFilter.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The value of ninep.admin.token; without one configured every mutation is refused")
public class ConnectionsResource {
    private final ConnectionSnapshots snapshots;
    private final AdminConfig config;

    @Inject
    public ConnectionsResource(ConnectionSnapshots snapshots, AdminConfig config) {
        this.snapshots = snapshots;
        this.config = config;
    }

    @GET
    @Operation(summary = "Every live connection with its negotiated session, traffic and state")
    public CompletionStage<List<ConnectionView>> list() {
        return snapshots.all();
    }

    @GET
    @Path("{id}/pending")
    @Operation(summary = "The requests in flight on one connection, by tag")
    public CompletionStage<List<PendingView>> pending(@PathParam("id") long id) {
        return snapshots.pending(id);
    }

    @GET
    @Path("{id}/fids")
    @Operation(summary = "The fids one connection holds")
    public List<FidView> fids(@PathParam("id") long id) {
        return snapshots.fids(id);
    }

    /** Answers once the connection has answered what it had in flight and closed. */
    @POST
    @Path("{id}/drain")
    @AdminMutation
    @SecurityRequirement(name = BearerTokenFilter.SCHEME)
    @Operation(summary = "Stop reading new requests, answer the pending ones, then close")
    public CompletionStage<DrainView> drain(@PathParam("id") long id) {
        Connection c = snapshots.require(id);
        return OnContext.call(c, config.snapshotTimeout(), () -> new Draining(c.pendingSnapshot().size(), c.drain()))
                .thenCompose(d -> d.closed().thenApply(v -> new DrainView(id, d.inFlight(), "closed")));
    }

    @DELETE
    @Path("{id}")
    @AdminMutation
    @SecurityRequirement(name = BearerTokenFilter.SCHEME)
    @Operation(summary = "Close a connection at once; its pending requests are aborted, fids and locks freed")
    public CompletionStage<Response> close(@PathParam("id") long id) {
        Connection c = snapshots.require(id);
        return OnContext.call(c, config.snapshotTimeout(), () -> {
            c.close();
            return Response.noContent().build();
        });
    }

    private record Draining(int inFlight, CompletableFuture<Void> closed) {
    }
}
