package org.jbp.platform;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bean Validation failures on resource parameters: 422 with every field at fault. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return ProblemResponses.of(ProblemException.invalid(Validation.fieldErrors(exception.getConstraintViolations())));
    }
}
