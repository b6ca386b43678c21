package org.jbp.incentive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionParserTest {

    private static Condition.Facts facts(Map<String, Integer> actuals, Map<String, Integer> targets) {
        return new Condition.Facts() {
            @Override
            public Optional<BigDecimal> actual(String metric) {
                return Optional.ofNullable(actuals.get(metric)).map(BigDecimal::valueOf);
            }

            @Override
            public Optional<BigDecimal> target(String metric) {
                return Optional.ofNullable(targets.get(metric)).map(BigDecimal::valueOf);
            }
        };
    }

    @Test
    void issueExampleHoldsWhenBothPartsHold() {
        Condition c = ConditionParser.parse("certifications_completed(technical) >= 3 AND revenue_won >= 80% of target");
        assertEquals(List.of("certifications_completed(TECHNICAL)", "revenue_won"), c.metrics());
        var targets = Map.of("revenue_won", 1_000_000);
        assertTrue(c.test(facts(Map.of("certifications_completed(TECHNICAL)", 3, "revenue_won", 800_000), targets)));
        assertFalse(c.test(facts(Map.of("certifications_completed(TECHNICAL)", 3, "revenue_won", 799_999), targets)));
        assertFalse(c.test(facts(Map.of("certifications_completed(TECHNICAL)", 2, "revenue_won", 900_000), targets)));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesAndNotWork() {
        var f = facts(Map.of("a", 1, "b", 0, "c", 1), Map.of());
        assertTrue(ConditionParser.parse("a >= 1 OR b >= 1 AND c >= 5").test(f), "a OR (b AND c)");
        assertFalse(ConditionParser.parse("(a >= 1 OR b >= 1) AND c >= 5").test(f));
        assertTrue(ConditionParser.parse("not (b > 0) and a = 1").test(f));
        assertTrue(ConditionParser.parse("a != 2 AND a <> 3 AND a <= 1 AND a < 2 AND c == 1").test(f));
    }

    @Test
    void missingActualOrTargetIsFalseAndExplainedInTheEvidence() {
        List<Condition.Check> evidence = new ArrayList<>();
        assertFalse(ConditionParser.parse("revenue_won >= 50% of target OR deals_registered > 2")
                .test(facts(Map.of("revenue_won", 10), Map.of()), evidence));
        assertEquals(2, evidence.size());
        assertTrue(evidence.get(0).note().contains("no target"));
        assertTrue(evidence.get(1).note().contains("no actual"));
    }

    @Test
    void evidenceCarriesActualAndComputedThreshold() {
        List<Condition.Check> evidence = new ArrayList<>();
        assertTrue(ConditionParser.parse("revenue_won >= 80.5% of target")
                .test(facts(Map.of("revenue_won", 900), Map.of("revenue_won", 1000)), evidence));
        assertEquals(0, new BigDecimal("805").compareTo(evidence.get(0).threshold()));
        assertEquals("revenue_won >= 80.5% of target", evidence.get(0).comparison());
    }

    @Test
    void syntaxErrorsNameThePosition() {
        var e = assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse("revenue_won >= AND x > 1"));
        assertEquals(16, e.position());
        assertTrue(e.getMessage().contains("expected a number after '>='"), e.getMessage());

        e = assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse("(a > 1 OR b > 2"));
        assertEquals(16, e.position());
        assertTrue(e.getMessage().contains("expected ')'"), e.getMessage());

        e = assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse("a > 80% of goal"));
        assertEquals(12, e.position());

        e = assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse("a > 1 b > 2"));
        assertEquals(7, e.position());
        assertTrue(e.getMessage().contains("expected AND, OR"), e.getMessage());

        e = assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse("a ? 1"));
        assertEquals(3, e.position());

        e = assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse("  "));
        assertEquals(1, e.position());

        e = assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse("a >= 1 AND"));
        assertEquals(11, e.position());
        assertTrue(e.getMessage().contains("the end of the condition"), e.getMessage());
    }
}
