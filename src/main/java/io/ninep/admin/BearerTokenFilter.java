package io.ninep.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards {@link AdminMutation} endpoints: 403 when no {@code ninep.admin.token} is configured (mutations are
 * off, reads stay open), 401 for a missing or wrong bearer token.
 */
@Provider
@AdminMutation
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {
    /** The OpenAPI name of the token scheme (declared on {@link ConnectionsResource}) mutations require. */
    public static final String SCHEME = "admin-token";

    private final TokenCheck check;

    @Inject
    public BearerTokenFilter(TokenCheck check) {
        this.check = check;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        switch (check.check(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            case ALLOWED:
                return;
            case NO_TOKEN_CONFIGURED:
                request.abortWith(ErrorBody.response(Response.Status.FORBIDDEN,
                        "admin mutations are disabled: ninep.admin.token is not configured"));
                return;
            default:
                Response denied = ErrorBody.response(Response.Status.UNAUTHORIZED,
                        "a valid 'Authorization: Bearer <ninep.admin.token>' header is required");
                request.abortWith(Response.fromResponse(denied)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ninep-admin\"").build());
        }
    }
}
