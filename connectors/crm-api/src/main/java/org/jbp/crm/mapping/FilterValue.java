package org.jbp.crm.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A typed literal in a filter. Kept typed so the query builder escapes text and never pastes raw input. */
public sealed interface FilterValue {

    record Text(String value) implements FilterValue {
        public Text {
            Objects.requireNonNull(value, "Text value is required.");
        }
    }

    record Bool(boolean value) implements FilterValue {
    }

    record Number(BigDecimal value) implements FilterValue {
        public Number {
            Objects.requireNonNull(value, "Number value is required.");
        }
    }

    record Day(LocalDate value) implements FilterValue {
        public Day {
            Objects.requireNonNull(value, "Date value is required.");
        }
    }

    /** SOQL {@code null}, for {@code Field = null} and {@code Field != null}. */
    record Null() implements FilterValue {
    }
}
