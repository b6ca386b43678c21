package org.jbp.plan.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.platform.ProblemException;
import org.jbp.platform.ProblemResponses;

/**
 * An action the plan's status does not allow: 409 with the status. The plan resources add the actions
 * the caller may take now; this mapper is the safety net for paths that do not.
 */
@Provider
public class IllegalTransitionMapper implements ExceptionMapper<BusinessPlan.IllegalTransition> {
    @Override
    public Response toResponse(BusinessPlan.IllegalTransition e) {
        return ProblemResponses.of(ProblemException.conflict(e.getMessage(),
                java.util.Map.of("status", e.status().name(), "action", e.action())));
    }
}
