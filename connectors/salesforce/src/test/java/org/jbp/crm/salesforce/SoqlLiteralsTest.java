package org.jbp.crm.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jbp.crm.mapping.FilterValue;
import org.junit.jupiter.api.Test;

class SoqlLiteralsTest {

    @Test
    void quotesAndBackslashesCannotEndTheLiteral() {
        assertEquals("'Bob\\'s BBQ'", SoqlLiterals.quote("Bob's BBQ"));
        assertEquals("'x\\\\\\' OR Name != \\'y'", SoqlLiterals.quote("x\\' OR Name != 'y"));
        assertEquals("'\\' OR \\'\\'=\\''", SoqlLiterals.quote("' OR ''='"));
    }

    @Test
    void controlCharactersUseSoqlEscapes() {
        assertEquals("'a\\nb\\rc\\td\\\"e\\bf\\fg'", SoqlLiterals.quote("a\nb\rc\td\"e\bf\fg"));
        assertEquals("'nul\\u0000'", SoqlLiterals.quote("nul\u0000"));
    }

    @Test
    void soqlKeywordsInsideTextStayText() {
        assertEquals("'Acme) OR (Id != null'", SoqlLiterals.quote("Acme) OR (Id != null"));
        assertEquals("'%_'", SoqlLiterals.quote("%_"));
        assertEquals("'100\\% \\_sure'", SoqlLiterals.quoteForLikeLiterally("100% _sure"));
    }

    @Test
    void typedFilterValuesRenderAsLiterals() {
        assertEquals("true", SoqlLiterals.of(new FilterValue.Bool(true)));
        assertEquals("null", SoqlLiterals.of(new FilterValue.Null()));
        assertEquals("1000.50", SoqlLiterals.of(new FilterValue.Number(new BigDecimal("1000.50"))));
        assertEquals("2026-03-31", SoqlLiterals.of(new FilterValue.Day(LocalDate.of(2026, 3, 31))));
        assertEquals("'It\\'s'", SoqlLiterals.of(new FilterValue.Text("It's")));
        assertEquals("2026-01-01T00:00:00Z", SoqlLiterals.dateTime(Instant.parse("2026-01-01T00:00:00.123Z")));
    }

    @Test
    void idLiteralsAreValidatedFirst() {
        assertEquals("'001A0000006Vm9rIAC'", SoqlLiterals.id("001A0000006Vm9r"));
        assertThrows(IllegalArgumentException.class, () -> SoqlLiterals.id("001A0000006Vm9r' OR Id != '"));
    }
}
