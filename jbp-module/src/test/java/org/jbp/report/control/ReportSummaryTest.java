package org.jbp.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.jbp.report.control.PeriodEndReport.CommitmentLine;
import org.jbp.report.control.PeriodEndReport.Line;
import org.junit.jupiter.api.Test;

class ReportSummaryTest {

    @Test
    void whatWentWellMetItsPlanBestFirstAndWhatFellShortIsFurthestBehindFirst() {
        ReportSummary summary = ReportSummary.of(SampleReports.closed());
        assertEquals(List.of("Cost per lead", "Co-sell engagements"), labels(summary.wentWell()),
                "cost 40 against 50 planned is met and scores 125 %, co-sell 18 of 16 scores 112.5 %");
        assertEquals(List.of("Closed revenue"), labels(summary.fellShort()));
    }

    @Test
    void overallAttainmentIsTheMeanOfTheJudgedLinesEachCappedAt150Percent() {
        // revenue 75 %, co-sell 112.5 %, cost 125 %: mean 104.2 %
        assertEquals(new BigDecimal("104.2"), ReportSummary.of(SampleReports.closed()).overallAttainmentPercent());
        Line runaway = Line.of("k", "Webinars", "COUNT", new BigDecimal("2"), new BigDecimal("20"));
        assertEquals(0, new BigDecimal("150").compareTo(ReportSummary.score(runaway)));
    }

    @Test
    void aLowerIsBetterKpiWithNothingRecordedIsNotMetAndALineWithoutPlanIsNotJudged() {
        assertEquals(Boolean.FALSE, Line.of("c", "Cost", "CURRENCY", BigDecimal.TEN, null, true).met());
        assertNull(Line.of("x", "Unplanned", "COUNT", null, BigDecimal.ONE).met());
    }

    @Test
    void aCommitmentIsKeptWhenTheDeliveryReachesThePromiseAndUnrecordedWhenNothingWasRecorded() {
        ReportSummary summary = ReportSummary.of(SampleReports.closed());
        assertEquals(List.of(ReportSummary.Kept.SHORT, ReportSummary.Kept.KEPT, ReportSummary.Kept.NOT_RECORDED,
                ReportSummary.Kept.KEPT), summary.commitments().stream().map(ReportSummary.Commitment::kept).toList());
        assertEquals(2, summary.commitmentsKept());
        assertEquals(ReportSummary.Kept.KEPT, ReportSummary.kept(new CommitmentLine("MDF", "100", "100.00", "CURRENCY")));
    }

    private static List<String> labels(List<Line> lines) {
        return lines.stream().map(Line::label).toList();
    }
}
