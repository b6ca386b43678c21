package org.jbp.report.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jbp.report.control.PeriodEndReport.CommitmentLine;
import org.jbp.report.control.PeriodEndReport.Line;

/**
 * The first page's rules, from the report's figures only. Judged are the plan's headline lines (its KPIs, or its
 * revenue targets without KPIs), its certifications and co-sell engagements. Overall attainment is the mean of
 * their attainments, each capped at 150 % so one runaway figure does not hide the others; a lower-is-better KPI
 * attains planned / actual. What went well met its plan, best first; what fell short did not, furthest behind
 * first. A vendor commitment is kept when what was delivered reaches what was promised (in words: when a
 * delivery is recorded at all).
 */
public record ReportSummary(BigDecimal overallAttainmentPercent, int linesJudged, List<Line> wentWell,
                            List<Line> fellShort, List<Commitment> commitments) {

    static final BigDecimal CAP = BigDecimal.valueOf(150);

    public enum Kept { KEPT, SHORT, NOT_RECORDED }

    public record Commitment(CommitmentLine line, Kept kept) {
    }

    public static ReportSummary of(PeriodEndReport report) {
        List<Line> judged = new ArrayList<>(report.kpis().isEmpty() ? report.targets() : report.kpis());
        judged.addAll(report.certifications());
        if (report.coSellEngagements() != null) {
            judged.add(report.coSellEngagements());
        }
        judged.removeIf(l -> l.planned() == null || l.planned().signum() == 0);
        List<BigDecimal> scores = judged.stream().map(ReportSummary::score).toList();
        BigDecimal overall = scores.isEmpty() ? null : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP);
        List<Line> well = judged.stream().filter(l -> Boolean.TRUE.equals(l.met()))
                .sorted(Comparator.comparing(ReportSummary::score).reversed()).toList();
        List<Line> short_ = judged.stream().filter(l -> Boolean.FALSE.equals(l.met()))
                .sorted(Comparator.comparing(ReportSummary::score)).toList();
        List<Commitment> commitments = report.vendorCommitments().stream().filter(c -> c.promised() != null)
                .map(c -> new Commitment(c, kept(c))).toList();
        return new ReportSummary(overall, judged.size(), well, short_, commitments);
    }

    public long commitmentsKept() {
        return commitments.stream().filter(c -> c.kept() == Kept.KEPT).count();
    }

    /** Attainment in percent, capped; for lower-is-better, planned over actual (nothing spent attains the cap). */
    static BigDecimal score(Line line) {
        BigDecimal actual = line.actual() == null ? BigDecimal.ZERO : line.actual();
        BigDecimal score;
        if (line.lowerIsBetter()) {
            score = actual.signum() == 0 ? CAP
                    : line.planned().multiply(BigDecimal.valueOf(100)).divide(actual, 1, RoundingMode.HALF_UP);
        } else {
            score = actual.multiply(BigDecimal.valueOf(100)).divide(line.planned(), 1, RoundingMode.HALF_UP);
        }
        return score.min(CAP);
    }

    static Kept kept(CommitmentLine c) {
        if (c.delivered() == null || c.delivered().isBlank()) {
            return Kept.NOT_RECORDED;
        }
        try {
            return new BigDecimal(c.delivered()).compareTo(new BigDecimal(c.promised())) >= 0 ? Kept.KEPT : Kept.SHORT;
        } catch (NumberFormatException inWords) {
            return Kept.KEPT;
        }
    }
}
