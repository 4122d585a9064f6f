package io.ninep.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.UnwrapException;

/** Every admin failure answers with an {@link ErrorBody}: unknown ids, bad input, unreadable JSON. */
@UnwrapException(CompletionException.class)
public class AdminExceptionMappers {

    @ServerExceptionMapper
    public Response admin(AdminException e) {
        return ErrorBody.response(e.status(), e.getMessage());
    }

    /** Wrong shape or unknown field; replaces the built-in mapper's differently shaped body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** The JSON reader wraps syntax errors in a 400; other framework answers (404, 405, 415) keep their status. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException) {
            return unreadable((JsonProcessingException) e.getCause());
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Response.fromResponse(e.getResponse()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status.getStatusCode(), status.getReasonPhrase())).build();
    }

    private static Response unreadable(JsonProcessingException e) {
        return ErrorBody.response(Response.Status.BAD_REQUEST, "unreadable JSON body: " + e.getOriginalMessage());
    }
}
