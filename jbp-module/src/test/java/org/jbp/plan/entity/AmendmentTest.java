package org.jbp.plan.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.StateConflict;
import org.junit.jupiter.api.Test;

/** An amendment is decided once: applied, refused or sent back, and then it stays what it became. */
class AmendmentTest {

    static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    private static Amendment proposed() {
        return new Amendment(PlanId.random(), "more MDF", "{}", 3, "005000000000002", AT);
    }

    @Test
    void anAppliedAmendmentIsNeitherRefusedNorSentBackAfterwards() {
        Amendment amendment = proposed();
        assertEquals(AmendmentStatus.IN_APPROVAL, amendment.status());
        amendment.applied(4, AT.plusSeconds(60));
        assertEquals(AmendmentStatus.APPROVED, amendment.status());
        assertEquals(Integer.valueOf(4), amendment.appliedRevision());
        StateConflict again = assertThrows(StateConflict.class, () -> amendment.refused(AT.plusSeconds(90)));
        assertEquals("APPROVED", again.details().get("amendmentStatus"));
        assertThrows(StateConflict.class, () -> amendment.sentBack(AT.plusSeconds(90)));
        assertEquals(AmendmentStatus.APPROVED, amendment.status());
    }

    @Test
    void aRefusedAmendmentIsNotAppliedLaterAndChangesNoRevision() {
        Amendment amendment = proposed();
        amendment.refused(AT.plusSeconds(60));
        assertThrows(StateConflict.class, () -> amendment.applied(5, AT.plusSeconds(90)),
                "a refusal cannot be overturned by a late approval");
        assertNull(amendment.appliedRevision());
        assertEquals(3, amendment.baseRevision(), "the revision it was proposed against stays on record");
    }
}
