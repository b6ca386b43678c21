package org.jbp.sync.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingException;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.junit.jupiter.api.Test;

class PlanMappingCheckTest {

    private static final String CERTIFICATIONS = """
            partner.object = Account
            kpi.certifications_completed.object = Partner_Certification__c
            kpi.certifications_completed.partner-field = Account__c
            kpi.certifications_completed.date-field = Completed_Date__c
            kpi.certifications_completed.aggregate = COUNT()
            kpi.certifications_completed.breakdown-field = Role__c
            """;

    @Test
    void theShippedMappingLabelsEveryOrgRoleWithAPlanRole() {
        KpiMapping mapping = PlanMappingCheck.check(KpiMappingLoader.loadDefault(), "default");
        assertEquals(java.util.Set.of("SALES", "PRE_SALES", "TECHNICAL"),
                java.util.Set.copyOf(mapping.requireSource("certifications_completed").breakdownLabels().values()));
    }

    @Test
    void aLabelThatIsNoPlanRoleIsRefusedAtLoad() {
        KpiMapping mapping = KpiMappingLoader.load(new StringReader(CERTIFICATIONS
                + "kpi.certifications_completed.breakdown-label.PRESALES = 'Pre-Sales'\n"), "test");
        KpiMappingException e = assertThrows(KpiMappingException.class, () -> PlanMappingCheck.check(mapping, "test"));
        assertTrue(e.problems().get(0).contains("[PRESALES] are not plan roles; use [PRE_SALES, SALES, TECHNICAL]"),
                e.problems().toString());
    }
}
