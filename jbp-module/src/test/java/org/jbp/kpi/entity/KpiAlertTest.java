package org.jbp.kpi.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.jbp.kernel.PlanId;
import org.junit.jupiter.api.Test;

/** An alert opens once, recovers once, and keeps its message to what the column holds. */
class KpiAlertTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    private static KpiAlert open(String message) {
        return new KpiAlert(PlanId.random(), "revenue", "revenue_won", new BigDecimal("80"), new BigDecimal("55"),
                new BigDecimal("55000"), new BigDecimal("100000"), message, AT);
    }

    @Test
    void anAlertRecoversOnceAndThenStaysClosed() {
        KpiAlert alert = open("revenue is at 55% of the expected pace");
        assertTrue(alert.isOpen());
        assertEquals(KpiAlertStatus.OPEN, alert.status());
        alert.recovered(AT.plusSeconds(3600));
        assertFalse(alert.isOpen());
        assertEquals(KpiAlertStatus.CLOSED, alert.status());
        assertEquals(AT.plusSeconds(3600), alert.closedAt());
        assertThrows(IllegalStateException.class, () -> alert.recovered(AT.plusSeconds(7200)));
        assertEquals(AT.plusSeconds(3600), alert.closedAt(), "the first recovery stays on record");
    }

    @Test
    void aLongMessageIsCutToWhatTheColumnHolds() {
        assertEquals(500, open("x".repeat(800)).message().length());
    }
}
