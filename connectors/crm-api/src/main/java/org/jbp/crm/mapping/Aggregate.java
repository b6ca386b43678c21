package org.jbp.crm.mapping;

import java.util.Objects;
import java.util.Optional;

/** How a KPI source's records become one number: {@code SUM(field)}, {@code COUNT()} or {@code COUNT_DISTINCT(field)}. */
public record Aggregate(Function function, Optional<String> field) {

    public enum Function { SUM, COUNT, COUNT_DISTINCT }

    public Aggregate {
        Objects.requireNonNull(function, "Aggregate function is required.");
        Objects.requireNonNull(field, "field must be Optional, not null");
        if (function == Function.COUNT && field.isPresent()) {
            throw new IllegalArgumentException("COUNT() takes no field; use COUNT_DISTINCT(field) to count values.");
        }
        if (function != Function.COUNT && field.isEmpty()) {
            throw new IllegalArgumentException(function + " needs a field.");
        }
    }

    public static Aggregate count() {
        return new Aggregate(Function.COUNT, Optional.empty());
    }

    public static Aggregate sum(String field) {
        return new Aggregate(Function.SUM, Optional.of(field));
    }

    public static Aggregate countDistinct(String field) {
        return new Aggregate(Function.COUNT_DISTINCT, Optional.of(field));
    }
}
