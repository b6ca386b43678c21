package org.jbp.report.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jbp.plan.entity.ReviewAction;

/**
 * Planned against actual at the end of a period (or so far, when {@code interim}). The figures are frozen when the
 * plan closes; the approval trail, the burn-ups, the names of the people and the conversion rate are history the
 * report reads when it is asked for, so a report stored before they were part of it shows them too.
 */
public record PeriodEndReport(String planId, String title, String partnerAccountId, String partnerName, String period,
                              LocalDate start, LocalDate end, String currency, String status, Instant generatedAt,
                              boolean interim, List<Line> kpis, List<Line> targets, List<CampaignLine> campaigns,
                              Line mdf, List<Line> certifications, Line coSellEngagements,
                              List<CommitmentLine> vendorCommitments, List<ReviewLine> reviews,
                              List<ApprovalLine> approvals, CurrencyConversion currencyConversion,
                              List<BurnUp> burnUps, Map<String, String> people) {

    /** The reviews held, oldest first; empty (not null) for a report stored before reviews were part of it. */
    @Override
    public List<ReviewLine> reviews() {
        return reviews == null ? List.of() : reviews;
    }

    @Override
    public List<ApprovalLine> approvals() {
        return approvals == null ? List.of() : approvals;
    }

    @Override
    public List<BurnUp> burnUps() {
        return burnUps == null ? List.of() : burnUps;
    }

    /** Display names by user id, for every user id the report shows. */
    @Override
    public Map<String, String> people() {
        return people == null ? Map.of() : people;
    }

    /** The person's name, else the id itself (a name the directory has not learnt yet). */
    public String nameOf(String userId) {
        return userId == null ? null : people().getOrDefault(userId, userId);
    }

    /** The same report with the history read now: approval trail, burn-ups, conversion rate and names. */
    public PeriodEndReport withHistory(List<ApprovalLine> trail, CurrencyConversion conversion, List<BurnUp> charts,
                                       Map<String, String> names) {
        return new PeriodEndReport(planId, title, partnerAccountId, partnerName, period, start, end, currency, status,
                generatedAt, interim, kpis, targets, campaigns, mdf, certifications, coSellEngagements,
                vendorCommitments, reviews, trail, currencyConversion != null ? currencyConversion : conversion,
                charts, names);
    }

    /**
     * One planned figure, its actual and the variance; actual is null when nothing was recorded. {@code lowerIsBetter}
     * is true for a KPI such as a cost, where staying under the plan is the goal. {@code metric} is the CRM figure
     * the line measures (a KPI's source key, which its template may name differently from the KPI); null in a
     * report stored before lines carried it, where the key stands for it.
     */
    public record Line(String key, String label, String unit, BigDecimal planned, BigDecimal actual,
                       BigDecimal variance, BigDecimal variancePercent, boolean lowerIsBetter, String metric) {
        static Line of(String key, String label, String unit, BigDecimal planned, BigDecimal actual) {
            return of(key, label, unit, planned, actual, false);
        }

        static Line of(String key, String label, String unit, BigDecimal planned, BigDecimal actual,
                       boolean lowerIsBetter) {
            BigDecimal variance = planned == null || actual == null ? null : actual.subtract(planned);
            BigDecimal percent = variance == null || planned.signum() == 0 ? null
                    : variance.multiply(BigDecimal.valueOf(100)).divide(planned, 1, RoundingMode.HALF_UP);
            return new Line(key, label, unit, planned, actual, variance, percent, lowerIsBetter, key);
        }

        /** The same line measuring the CRM figure {@code source}. */
        Line measuring(String source) {
            return new Line(key, label, unit, planned, actual, variance, variancePercent, lowerIsBetter, source);
        }

        /** The CRM figure this line measures. */
        public String measuredFigure() {
            return metric == null ? key : metric;
        }

        /** Actual as a share of planned in percent; null without a planned figure. Nothing recorded counts as 0. */
        public BigDecimal attainmentPercent() {
            if (planned == null || planned.signum() == 0) {
                return null;
            }
            BigDecimal value = actual == null ? BigDecimal.ZERO : actual;
            return value.multiply(BigDecimal.valueOf(100)).divide(planned, 1, RoundingMode.HALF_UP);
        }

        /** Whether the plan was met: reached, or for a lower-is-better KPI not exceeded. Null without a plan. */
        public Boolean met() {
            if (planned == null) {
                return null;
            }
            BigDecimal value = actual == null ? BigDecimal.ZERO : actual;
            return lowerIsBetter ? actual != null && value.compareTo(planned) <= 0 : value.compareTo(planned) >= 0;
        }
    }

    public record CampaignLine(String key, String name, String tactic, LocalDate startDate, LocalDate endDate,
                               BigDecimal mdfRequested, boolean executed) {
    }

    /** A review held: when, by whom, its decisions and its actions with their status as of the report. */
    public record ReviewLine(UUID id, LocalDate dueDate, Instant heldAt, String heldBy, List<String> decisions,
                             List<ReviewAction> actions) {
    }

    /**
     * What the vendor promised and what it delivered, as recorded at close. {@code unit} says how to read the two
     * figures (CURRENCY, HOURS) and is null for a commitment in words.
     */
    public record CommitmentLine(String commitment, String promised, String delivered, String unit) {
    }

    /**
     * One decision of the approval chain: the partner's acceptance or an approver's decision, with the reason given.
     * {@code amendmentId} is set for the steps that decided an amendment rather than the plan.
     */
    public record ApprovalLine(String step, String kind, int round, UUID amendmentId, String status,
                               String decidedBy, Instant decidedAt, String reason) {
    }

    /** The rate money actuals were converted with from the org's corporate currency into the plan's. */
    public record CurrencyConversion(String from, String to, BigDecimal rate, Instant recordedAt) {
    }
}
