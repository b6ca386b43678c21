package org.jbp.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last resort: a bug must still answer problem+json, with an incident id to find the stack trace in the log,
 * and never leak internals to the client.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        ProblemException known = Problems.unwrap(exception);
        if (known != null) {
            return ProblemResponses.of(known);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return ProblemResponses.build(500, "internal", "Internal error",
                "Unexpected failure; incident " + incident, List.of(), Map.of("incident", incident));
    }
}
