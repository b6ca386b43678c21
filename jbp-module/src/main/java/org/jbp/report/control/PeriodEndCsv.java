package org.jbp.report.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jbp.plan.entity.ReviewAction;
import org.jbp.report.control.PeriodEndReport.Line;

/**
 * The report for spreadsheets and scripts: plain numbers (no grouping, a dot for decimals), ISO dates, moments in
 * ISO-8601 UTC to the second, ids as stored and the currency in a column of its own on every money row.
 * Commitments, reviews and approvals reuse the figure columns (their header says which).
 */
public final class PeriodEndCsv {

    static final String HEADER = "section,key,label,unit,planned,actual,variance,variance_percent,currency\r\n";

    private PeriodEndCsv() {
    }

    public static String of(PeriodEndReport r) {
        StringBuilder csv = new StringBuilder(HEADER);
        r.kpis().forEach(l -> row(csv, r, "kpi", l));
        r.targets().forEach(l -> row(csv, r, "target", l));
        if (r.mdf() != null) {
            row(csv, r, "mdf", r.mdf());
        }
        r.certifications().forEach(l -> row(csv, r, "certification", l));
        if (r.coSellEngagements() != null) {
            row(csv, r, "co-sell", r.coSellEngagements());
        }
        r.campaigns().forEach(c -> csv.append(cells("campaign", c.key(), c.name(), "CURRENCY", text(c.mdfRequested()),
                c.executed() ? "executed" : "not executed", "", "", r.currency())));
        r.vendorCommitments().forEach(c -> csv.append(cells("vendor-commitment", "", c.commitment(),
                c.unit() == null ? "" : c.unit(), c.promised(), c.delivered(), "", "",
                "CURRENCY".equals(c.unit()) ? r.currency() : "")));
        // a review's rows are keyed by its due date; an action's owner side sits in unit, due date and status in
        // planned and actual
        for (PeriodEndReport.ReviewLine review : r.reviews()) {
            String key = String.valueOf(review.dueDate());
            csv.append(cells("review", key, "Review held", "", r.nameOf(review.heldBy()), text(review.heldAt()),
                    "", "", ""));
            review.decisions().forEach(d -> csv.append(cells("review-decision", key, d, "", "", "", "", "", "")));
            review.actions().forEach(a -> csv.append(cells("review-action", key, a.description(),
                    a.ownerSide() == null ? "" : a.ownerSide().name(), text(a.dueDate()),
                    (a.isOpen() ? ReviewAction.Status.OPEN : a.status()).name(), "", "", "")));
        }
        // an approval: the step's kind in key, its name in label, who decided in planned, when in actual
        r.approvals().forEach(a -> csv.append(cells("approval", a.kind(), a.step(), a.status(),
                r.nameOf(a.decidedBy()), text(a.decidedAt()), a.reason(), "", "")));
        if (r.currencyConversion() != null) {
            var c = r.currencyConversion();
            csv.append(cells("currency-conversion", c.from() + "/" + c.to(), "Rate used for money actuals", "",
                    text(c.rate()), text(c.recordedAt()), "", "", c.to()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, PeriodEndReport r, String section, Line l) {
        csv.append(cells(section, l.key(), l.label(), l.unit(), text(l.planned()), text(l.actual()),
                text(l.variance()), text(l.variancePercent()), "CURRENCY".equals(l.unit()) ? r.currency() : ""));
    }

    /** RFC 4180: quote every cell, double inner quotes; neutralise spreadsheet formulas. */
    static String cells(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i];
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
                v = "'" + v;
            }
            line.append(i == 0 ? "" : ",").append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString();
    }

    static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Instant at) {
            return at.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        return value == null ? null : value.toString();
    }
}
