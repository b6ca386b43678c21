package org.jbp.crm.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbp.crm.KpiFact;
import org.jbp.crm.KpiFactQuery;
import org.jbp.crm.PartnerAccount;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.junit.jupiter.api.Test;

/**
 * A full sync (all partners, every KPI source, one year) on a generated org a tenth of the benchmark's size,
 * counting SOAP calls: the figure the sync benchmark will hold us to.
 */
class FullSyncCallBudgetTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    /** Scale and period can be raised from the command line to measure the benchmark's size once. */
    private static final int PARTNERS = Integer.getInteger("jbp.fullsync.partners", 1_000);
    private static final int OPPORTUNITIES = Integer.getInteger("jbp.fullsync.opportunities", 100_000);
    private static final int QUARTERS = Integer.getInteger("jbp.fullsync.quarters", 4);
    private static final long CALL_BUDGET = Long.getLong("jbp.fullsync.budget", 40);

    @Test
    void fullSyncOfAGeneratedOrgNeedsFewCallsAndAddsUp() {
        try (SimulatorFixture sim = SimulatorFixture.start()) {
            List<String> partners = sim.generate(PARTNERS, OPPORTUNITIES, PARTNERS * 2, PARTNERS * 5);
            LocalDate end = START.plusMonths(3L * QUARTERS).minusDays(1);
            KpiMapping mapping = KpiMappingLoader.loadDefault();
            try (SalesforceCrmConnector crm = new SalesforceCrmConnector(
                    new SalesforceSession(sim.settings(2_000), duration -> { }), mapping)) {
                long started = System.nanoTime();
                List<PartnerAccount> accounts = crm.partnerAccounts();
                long afterPartners = crm.apiCallsUsed();
                List<KpiFact> facts = crm.kpiFacts(KpiFactQuery.forAllPartners(mapping.sources().keySet(), START, end));
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertEquals(partners.size(), accounts.size());
                BigDecimal won = facts.stream().filter(f -> f.sourceKey().equals("revenue_won"))
                        .map(KpiFact::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                Map<String, Object> direct = sim.queryDirectly("SELECT SUM(Amount) total FROM Opportunity"
                        + " WHERE IsWon = true AND PartnerAccountId != null"
                        + " AND CloseDate >= 2026-01-01 AND CloseDate <= " + end).get(0);
                assertEquals(0, new BigDecimal(String.valueOf(direct.get("total"))).compareTo(won),
                        "facts add up to the org's total: " + direct + " vs " + won);
                long calls = crm.apiCallsUsed();
                System.out.printf("full sync, %,d partners / %,d opportunities, %d quarter(s): %d calls"
                        + " (login + %d for partners + %d for %d fact rows over %d sources), %d ms%n",
                        PARTNERS, OPPORTUNITIES, QUARTERS, calls,
                        afterPartners - 1, calls - afterPartners, facts.size(), mapping.sources().size(), took.toMillis());
                assertTrue(calls <= CALL_BUDGET, "calls: " + calls);
            }
        }
    }
}
