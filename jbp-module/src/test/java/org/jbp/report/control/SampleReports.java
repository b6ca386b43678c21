package org.jbp.report.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jbp.plan.entity.ReviewAction;
import org.jbp.report.control.PeriodEndReport.ApprovalLine;
import org.jbp.report.control.PeriodEndReport.CommitmentLine;
import org.jbp.report.control.PeriodEndReport.Line;
import org.jbp.report.control.PeriodEndReport.ReviewLine;

/** A closed plan's report as the module builds it, for the renderers' tests. */
final class SampleReports {

    static final String PARTNER_ID = "001000000000042AAA";
    static final String CAM = "005000000000011AAA";
    static final String PARTNER_USER = "005000000000066AAA";
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final List<LocalDate[]> QUARTERS = List.of(
            new LocalDate[]{LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)},
            new LocalDate[]{LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)},
            new LocalDate[]{LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)},
            new LocalDate[]{LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)});

    private SampleReports() {
    }

    static PeriodEndReport closed() {
        return closed(List.of());
    }

    /** The same closed plan with the revenue section's {@code targets}. */
    static PeriodEndReport closed(List<Line> targets) {
        return closed(Line.of("revenue_won", "Closed revenue", "CURRENCY", new BigDecimal("1200000"),
                new BigDecimal("900000")), targets);
    }

    /** The same closed plan whose closed-revenue KPI is {@code revenueKpi}, with the revenue section's targets. */
    static PeriodEndReport closed(Line revenueKpi, List<Line> targets) {
        List<Line> kpis = List.of(revenueKpi,
                Line.of("co_sell", "Co-sell engagements", "COUNT", new BigDecimal("16"), new BigDecimal("18")),
                Line.of("cost", "Cost per lead", "CURRENCY", new BigDecimal("50"), new BigDecimal("40"), true));
        List<CommitmentLine> commitments = List.of(
                new CommitmentLine("MDF budget", "50000", "40000", "CURRENCY"),
                new CommitmentLine("Co-sell support hours", "160", "180", "HOURS"),
                new CommitmentLine("Pre-sales availability hours", "120", null, "HOURS"),
                new CommitmentLine("Executive sponsorship", "Quarterly QBR attendance", "Two QBRs attended", null));
        ReviewAction done = ReviewAction.agreed("Approve the webinar MDF", ReviewAction.OwnerSide.VENDOR, "Dana",
                LocalDate.of(2026, 4, 20), null).decided(ReviewAction.Status.DONE, UUID.randomUUID());
        ReviewLine review = new ReviewLine(UUID.randomUUID(), LocalDate.of(2026, 4, 1),
                Instant.parse("2026-04-02T09:15:30.123456789Z"), CAM, List.of("Run a second webinar"), List.of(done));
        List<ApprovalLine> trail = List.of(
                new ApprovalLine("Partner acceptance", "ACCEPTANCE", 1, null, "APPROVED", PARTNER_USER,
                        Instant.parse("2026-01-05T10:00:00Z"), "Targets agreed in the kick-off"),
                new ApprovalLine("VP sales", "APPROVAL", 1, null, "APPROVED", "005000000000077AAA",
                        Instant.parse("2026-01-06T16:30:00.987654321Z"), "Within the regional budget"));
        BurnUp revenue = BurnUp.of("revenue_won", "Closed revenue", "CURRENCY", new BigDecimal("1200000"), null,
                QUARTERS, START, END, LocalDate.of(2027, 1, 10), List.of(
                        new BurnUp.Change(Instant.parse("2026-03-15T08:00:00Z"), 0, new BigDecimal("250000")),
                        new BurnUp.Change(Instant.parse("2026-08-01T08:00:00Z"), 0, new BigDecimal("900000"))),
                null);
        return new PeriodEndReport(UUID.randomUUID().toString(), "FY2026 joint business plan", PARTNER_ID, "Acme Cloud GmbH",
                "FY2026", START, END, "EUR", "CLOSED", Instant.parse("2027-01-10T12:34:56.123456789Z"), false, kpis,
                targets, List.of(new PeriodEndReport.CampaignLine("c1", "Spring webinar", "WEBINAR",
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), new BigDecimal("12000"), true)),
                Line.of("mdf", "MDF requested vs claimed", "CURRENCY", new BigDecimal("12000"), new BigDecimal("9000")),
                List.of(), null, commitments, List.of(review), trail,
                new PeriodEndReport.CurrencyConversion("USD", "EUR", new BigDecimal("0.9200"),
                        Instant.parse("2026-12-30T02:00:00Z")),
                List.of(revenue), Map.of(CAM, "Casey Manager", PARTNER_USER, "Pat Partner",
                        "005000000000077AAA", "Victoria Price"));
    }
}
