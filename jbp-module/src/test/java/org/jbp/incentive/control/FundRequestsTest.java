package org.jbp.incentive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jbp.kernel.PlanId;
import org.junit.jupiter.api.Test;

class FundRequestsTest {

    private final PlanId plan = PlanId.parse("7f1c1f0e-59b6-4c84-9d37-000000000001");

    @Test
    void externalIdIsDeterministicPerPlanAndCampaign() {
        assertEquals("jbp-mdf-" + plan + "-spring-webinar", FundRequests.externalId(plan, "spring-webinar"));
        assertEquals(FundRequests.externalId(plan, "x"), FundRequests.externalId(plan, "x"));
        assertNotEquals(FundRequests.externalId(plan, "x"), FundRequests.externalId(PlanId.random(), "x"));
    }

    @Test
    void longKeysAreDigestedToFitEightyCharacters() {
        String longKey = "a".repeat(40);
        String id = FundRequests.externalId(plan, longKey);
        assertEquals(80, id.length());
        assertEquals(id, FundRequests.externalId(plan, longKey));
        assertNotEquals(id, FundRequests.externalId(plan, "b".repeat(40)));
        assertTrue(id.startsWith("jbp-mdf-" + plan + "-h"));
    }
}
