package org.jbp.crm.mapping;

import java.util.List;
import java.util.Objects;

/** One condition {@code field operator value(s)}; a source's filters are combined with AND. */
public record FieldFilter(String field, Operator operator, List<FilterValue> values) {

    public enum Operator {
        EQUALS("="), NOT_EQUALS("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
        LIKE("LIKE"), IN("IN"), NOT_IN("NOT IN");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean takesList() {
            return this == IN || this == NOT_IN;
        }
    }

    public FieldFilter {
        Objects.requireNonNull(field, "Field is required.");
        Objects.requireNonNull(operator, "Operator is required.");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("A filter needs at least one value.");
        }
        if (!operator.takesList() && values.size() != 1) {
            throw new IllegalArgumentException(operator.symbol() + " takes exactly one value.");
        }
    }
}
