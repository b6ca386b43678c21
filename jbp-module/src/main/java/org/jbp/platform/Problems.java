package org.jbp.platform;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolationException;
import org.jbp.kernel.RuleViolation;
import org.jbp.kernel.StateConflict;
import org.jbp.security.AccessDenied;

/** Finds the client-facing problem buried in container wrappers (EJB, JTA, persistence). */
final class Problems {

    private Problems() {
    }

    static ProblemException unwrap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
            if (t instanceof StateConflict conflict) {
                return ProblemException.conflict(conflict.getMessage(), conflict.details());
            }
            if (t instanceof RuleViolation violation) {
                return ProblemException.invalid(violation.violations().stream()
                        .map(v -> new FieldError(v.field(), v.message())).toList());
            }
            if (t instanceof AccessDenied denied) {
                return ProblemException.forbidden(denied.getMessage());
            }
            if (t instanceof ConstraintViolationException violations) {
                return ProblemException.invalid(Validation.fieldErrors(violations.getConstraintViolations()));
            }
            if (t instanceof OptimisticLockException) {
                // a concurrent edit that lost its @Version check: the same answer as a stale If-Match
                return ProblemException.stale("record", null);
            }
            if (t instanceof JsonParsingException || t instanceof JsonbException) {
                return ProblemException.malformed(null, "The request body is not valid JSON: " + t.getMessage());
            }
            if (t.getCause() == t || (t instanceof EJBException && t.getCause() == null)
                    || (t instanceof RollbackException && t.getCause() == null)) {
                break;
            }
        }
        return null;
    }
}
