package org.jbp.kernel;

import java.util.List;
import java.util.Objects;

/**
 * Input an aggregate's rules refuse, field by field. Thrown by entities and their rule objects; platform answers
 * it 422 problem+json naming every field at fault.
 */
public class RuleViolation extends RuntimeException {

    /** One field at fault, by its path in the request ({@code actions[0].dueDate}), and why. */
    public record Violation(String field, String message) {
        public Violation {
            Objects.requireNonNull(field, "field is required");
            Objects.requireNonNull(message, "message is required");
        }
    }

    private final List<Violation> violations;

    public RuleViolation(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation names at least one field");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
