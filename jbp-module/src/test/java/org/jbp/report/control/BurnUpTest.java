package org.jbp.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurnUpTest {

    private static final LocalDate START = SampleReports.START;
    private static final LocalDate END = SampleReports.END;

    private static BurnUp.Change change(String at, int quarter, String value) {
        return new BurnUp.Change(Instant.parse(at + "T10:00:00Z"), quarter, new BigDecimal(value));
    }

    @Test
    void theActualGrowsWithEachChangeSummingTheQuartersRecordedSoFar() {
        BurnUp b = BurnUp.of("deals", "Deals", "COUNT", new BigDecimal("40"), null, SampleReports.QUARTERS, START, END,
                LocalDate.of(2026, 7, 2), List.of(change("2026-05-01", 2, "6"), change("2026-02-01", 1, "4"),
                        change("2026-06-01", 2, "9")), new BigDecimal("26"));
        assertEquals(List.of(point("2026-01-01", "0"), point("2026-02-01", "4"), point("2026-05-01", "10"),
                point("2026-06-01", "13")), b.actual());
    }

    @Test
    void aValueForTheWholePeriodWinsOverQuartersAndChangesOutsideThePeriodLandOnItsEdges() {
        BurnUp b = BurnUp.of("deals", "Deals", "COUNT", new BigDecimal("40"), null, SampleReports.QUARTERS, START, END,
                LocalDate.of(2027, 2, 1), List.of(change("2025-12-20", 1, "3"), change("2026-03-01", 0, "20"),
                        change("2027-01-15", 2, "5")), null);
        assertEquals(List.of(point("2026-01-01", "3"), point("2026-03-01", "20"), point("2026-12-31", "20")), b.actual());
        assertTrue(b.projection().isEmpty(), "a period that is over has nothing to project");
    }

    @Test
    void thePaceReachesEachQuartersShareOfTheSplitAtTheQuartersEnd() {
        List<BigDecimal> split = List.of(new BigDecimal("100"), new BigDecimal("200"), new BigDecimal("300"),
                new BigDecimal("400"));
        BurnUp b = BurnUp.of("rev", "Revenue", "CURRENCY", new BigDecimal("1000"), split, SampleReports.QUARTERS, START,
                END, LocalDate.of(2026, 5, 1), List.of(), new BigDecimal("800"));
        assertEquals(List.of("0", "100", "300", "600", "1000"),
                b.pace().stream().map(p -> p.value().stripTrailingZeros().toPlainString()).toList());
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 10, 1)), b.quarterStarts());
    }

    @Test
    void whileThePeriodRunsTheProjectionGoesFromTodaysActualToThePeriodsEnd() {
        BurnUp b = BurnUp.of("rev", "Revenue", "CURRENCY", new BigDecimal("1000"), null, SampleReports.QUARTERS, START,
                END, LocalDate.of(2026, 5, 1), List.of(change("2026-04-10", 0, "300")), new BigDecimal("900"));
        assertEquals(List.of(point("2026-05-01", "300"), point("2026-12-31", "900")), b.projection());
        BurnUp.Row today = b.rows().stream().filter(r -> r.date().equals(LocalDate.of(2026, 5, 1))).findFirst()
                .orElseThrow();
        assertEquals(new BigDecimal("300"), today.projection());
        assertEquals(new BigDecimal("1000"), b.highest());
    }

    private static BurnUp.Point point(String date, String value) {
        return new BurnUp.Point(LocalDate.parse(date), new BigDecimal(value));
    }
}
