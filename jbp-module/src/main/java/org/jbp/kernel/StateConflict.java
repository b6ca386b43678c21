package org.jbp.kernel;

import java.util.Map;

/**
 * An aggregate's state does not allow the change now (a decided step decided again, a review recorded twice, a
 * transition the plan's status forbids). Thrown by entities, which know nothing of HTTP; platform answers it 409
 * problem+json with the details as members.
 */
public class StateConflict extends RuntimeException {

    private final Map<String, Object> details;

    public StateConflict(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }
}
