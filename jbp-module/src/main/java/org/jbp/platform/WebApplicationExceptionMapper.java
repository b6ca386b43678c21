package org.jbp.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** JAX-RS's own failures (unknown path, wrong method, unsupported media type...) as problem+json too. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
        // a parameter converter's refusal (a path id that names no plan) arrives wrapped in JAX-RS's own exception
        ProblemException refused = Problems.unwrap(exception.getCause());
        if (refused != null) {
            return ProblemResponses.of(refused);
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        var reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
        String type = status == 400 ? "malformed-request" : "http-" + status;
        Response problem = ProblemResponses.build(status, type, title, exception.getMessage(), List.of(), Map.of());
        // keep headers such as Allow and WWW-Authenticate
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }
}
