package org.jbp.report.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Planned against actual at the end of a period (or so far, when {@code interim}). */
public record PeriodEndReport(UUID planId, String title, String partnerAccountId, String partnerName, String period,
                              LocalDate start, LocalDate end, String currency, String status, Instant generatedAt,
                              boolean interim, List<Line> kpis, List<Line> targets, List<CampaignLine> campaigns,
                              Line mdf, List<Line> certifications, Line coSellEngagements,
                              List<CommitmentLine> vendorCommitments, List<ReviewLine> reviews) {

    /** The reviews held, oldest first; empty (not null) for a report stored before reviews were part of it. */
    @Override
    public List<ReviewLine> reviews() {
        return reviews == null ? List.of() : reviews;
    }

    /** One planned figure, its actual and the variance; actual is null when nothing was recorded. */
    public record Line(String key, String label, String unit, BigDecimal planned, BigDecimal actual,
                       BigDecimal variance, BigDecimal variancePercent) {
        static Line of(String key, String label, String unit, BigDecimal planned, BigDecimal actual) {
            BigDecimal variance = planned == null || actual == null ? null : actual.subtract(planned);
            BigDecimal percent = variance == null || planned.signum() == 0 ? null
                    : variance.multiply(BigDecimal.valueOf(100)).divide(planned, 1, RoundingMode.HALF_UP);
            return new Line(key, label, unit, planned, actual, variance, percent);
        }
    }

    public record CampaignLine(String key, String name, String tactic, LocalDate startDate, LocalDate endDate,
                               BigDecimal mdfRequested, boolean executed) {
    }

    /** A review held: when, by whom, its decisions and its actions with their status as of the report. */
    public record ReviewLine(UUID id, LocalDate dueDate, Instant heldAt, String heldBy, List<String> decisions,
                             List<org.jbp.plan.entity.ReviewAction> actions) {
    }

    /** What the vendor promised and what it delivered, as recorded at close. */
    public record CommitmentLine(String commitment, String promised, String delivered) {
    }
}
