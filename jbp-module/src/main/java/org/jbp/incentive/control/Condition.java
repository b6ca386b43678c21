package org.jbp.incentive.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed incentive condition: comparisons of KPI actuals with numbers or with a percentage of the plan's target,
 * combined with AND, OR, NOT. Evaluation records every comparison it looked at, so a firing can show its evidence.
 */
public sealed interface Condition {

    /** What a condition is evaluated against: a plan's current actuals and targets, by metric key. */
    interface Facts {
        Optional<BigDecimal> actual(String metric);

        Optional<BigDecimal> target(String metric);
    }

    /** One comparison as evaluated: the metric's actual, the threshold it was held against, the outcome. */
    record Check(String comparison, BigDecimal actual, BigDecimal threshold, boolean result, String note) {
    }

    boolean test(Facts facts, List<Check> evidence);

    default boolean test(Facts facts) {
        return test(facts, new ArrayList<>());
    }

    /** The metric keys the condition reads. */
    List<String> metrics();

    enum Operator {
        GE(">="), GT(">"), LE("<="), LT("<"), EQ("="), NE("!=");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case GE -> comparison >= 0;
                case GT -> comparison > 0;
                case LE -> comparison <= 0;
                case LT -> comparison < 0;
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
            };
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Facts facts, List<Check> evidence) {
            // both sides are evaluated (no short circuit) so the evidence is complete
            boolean l = left.test(facts, evidence);
            boolean r = right.test(facts, evidence);
            return l && r;
        }

        @Override
        public List<String> metrics() {
            return concat(left.metrics(), right.metrics());
        }

        @Override
        public String toString() {
            return "(" + left + " AND " + right + ")";
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Facts facts, List<Check> evidence) {
            boolean l = left.test(facts, evidence);
            boolean r = right.test(facts, evidence);
            return l || r;
        }

        @Override
        public List<String> metrics() {
            return concat(left.metrics(), right.metrics());
        }

        @Override
        public String toString() {
            return "(" + left + " OR " + right + ")";
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public boolean test(Facts facts, List<Check> evidence) {
            return !operand.test(facts, evidence);
        }

        @Override
        public List<String> metrics() {
            return operand.metrics();
        }

        @Override
        public String toString() {
            return "NOT " + operand;
        }
    }

    /** {@code metric op value} or {@code metric op value% of target}. */
    record Comparison(String metric, Operator operator, BigDecimal value, boolean percentOfTarget) implements Condition {
        public Comparison {
            Objects.requireNonNull(metric);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(value);
        }

        @Override
        public boolean test(Facts facts, List<Check> evidence) {
            Optional<BigDecimal> actual = facts.actual(metric);
            BigDecimal threshold = value;
            if (percentOfTarget) {
                Optional<BigDecimal> target = facts.target(metric);
                if (target.isEmpty()) {
                    evidence.add(new Check(toString(), actual.orElse(null), null, false, "the plan has no target for " + metric));
                    return false;
                }
                threshold = target.get().multiply(value).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
            }
            if (actual.isEmpty()) {
                evidence.add(new Check(toString(), null, threshold, false, "no actual recorded for " + metric));
                return false;
            }
            boolean result = operator.holds(actual.get().compareTo(threshold));
            evidence.add(new Check(toString(), actual.get(), threshold, result, null));
            return result;
        }

        @Override
        public List<String> metrics() {
            return List.of(metric);
        }

        @Override
        public String toString() {
            return metric + " " + operator.symbol + " " + value.toPlainString() + (percentOfTarget ? "% of target" : "");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(m -> !all.contains(m)).forEach(all::add);
        return all;
    }
}
