package org.jbp.sfsim.store;

import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An org validation rule: when {@code violatedBy} holds for the record as it would be saved (field name →
 * stored value), the save fails with FIELD_CUSTOM_VALIDATION_EXCEPTION and {@code message}.
 */
public record ValidationRule(String object, String name, Predicate<Map<String, Object>> violatedBy, String message,
                             String errorField) {

    public ValidationRule {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(violatedBy, "violatedBy");
        Objects.requireNonNull(message, "message");
    }
}
