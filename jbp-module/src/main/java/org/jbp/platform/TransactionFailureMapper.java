package org.jbp.platform;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failure at commit arrives wrapped in {@link TransactionalException}; the problem inside
 * (a concurrent edit, a validation failure) decides the answer. Outranks Jersey's own mapper for this type.
 */
@Provider
@Priority(1)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

    private final UnexpectedFailureMapper fallback = new UnexpectedFailureMapper();

    @Override
    public Response toResponse(TransactionalException exception) {
        return fallback.toResponse(exception);
    }
}
