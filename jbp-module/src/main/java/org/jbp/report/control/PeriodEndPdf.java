package org.jbp.report.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jbp.plan.control.RevenueKpis;
import org.jbp.plan.entity.ReviewAction;
import org.jbp.report.control.PeriodEndReport.Line;

/**
 * The report a channel manager hands over at the QBR: a one-page summary (overall attainment, what went well, what
 * fell short, the vendor's commitments, who agreed), then the approval trail, the reviews held, a burn-up per KPI
 * with its figures, and the detail tables. Figures in the reader's locale; people and the partner by name.
 */
public final class PeriodEndPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font CELL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    private PeriodEndPdf() {
    }

    public static byte[] of(PeriodEndReport r, ReportFormat f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle((r.interim() ? "Interim report: " : "Period-end report: ") + r.title());
            document.open();
            summary(document, r, f);
            document.newPage();
            approvals(document, r, f);
            reviews(document, r, f);
            burnUps(document, writer, r, f);
            details(document, r, f);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot render the report as PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void summary(Document d, PeriodEndReport r, ReportFormat f) throws DocumentException {
        d.add(new Paragraph((r.interim() ? "Interim report: " : "Period-end report: ") + r.title(), TITLE));
        String currency = r.currency() == null ? "" : Currency.getInstance(r.currency()).getDisplayName(f.locale())
                + " (" + r.currency() + ")";
        d.add(new Paragraph(partner(r) + " · " + r.period() + ", " + f.date(r.start()) + " – " + f.date(r.end())
                + " · amounts in " + currency, BODY));
        d.add(new Paragraph((r.interim() ? "Figures so far, as of " : "Closed; prepared ") + f.moment(r.generatedAt()),
                BODY));
        ReportSummary s = ReportSummary.of(r);
        d.add(heading("Overall attainment"));
        d.add(new Paragraph(s.overallAttainmentPercent() == null ? "No planned figure to measure against."
                : f.percent(s.overallAttainmentPercent()) + " of plan on average across " + s.linesJudged()
                + (s.linesJudged() == 1 ? " measure" : " measures"), BODY));
        d.add(heading("What went well"));
        d.add(bullets(s.wentWell().stream().map(l -> measured(l, f)).toList(), "Nothing has reached its plan yet."));
        d.add(heading("What fell short"));
        d.add(bullets(s.fellShort().stream().map(l -> measured(l, f)).toList(), "Nothing fell short of the plan."));
        d.add(heading("Vendor commitments kept: " + s.commitmentsKept() + " of " + s.commitments().size()));
        d.add(bullets(s.commitments().stream().map(c -> c.line().commitment() + ": "
                + (c.kept() == ReportSummary.Kept.NOT_RECORDED
                        ? f.value(c.line().promised(), c.line().unit()) + " promised; "
                                + (r.interim() ? "what was delivered is recorded at the close" : "delivery not recorded")
                        : f.value(c.line().delivered(), c.line().unit()) + " delivered of "
                                + f.value(c.line().promised(), c.line().unit()) + " promised — "
                                + (c.kept() == ReportSummary.Kept.KEPT ? "kept" : "short"))).toList(),
                "The plan records no vendor commitments."));
        List<String> agreed = r.approvals().stream().filter(a -> "APPROVED".equals(a.status()))
                .filter(a -> a.amendmentId() == null)
                .map(a -> ("ACCEPTANCE".equals(a.kind()) ? "accepted by " : "approved by ") + person(r, a.decidedBy())
                        + " (" + a.step() + ", " + f.date(a.decidedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate())
                        + ")").toList();
        if (!agreed.isEmpty()) {
            d.add(new Paragraph("Agreed: " + String.join("; ", agreed) + ".", BODY));
        }
        if (r.currencyConversion() != null) {
            var c = r.currencyConversion();
            d.add(new Paragraph("Money actuals are converted from the org's corporate currency " + c.from() + " into "
                    + c.to() + " at " + f.number(c.rate()) + " (1 " + c.from() + " = " + f.number(c.rate()) + " "
                    + c.to() + ", rate recorded " + f.moment(c.recordedAt()) + ").", BODY));
        }
    }

    /** "Closed revenue: €900,000.00 of €1,200,000.00 planned (75 %)"; a lower-is-better KPI says how far under or over. */
    private static String measured(Line l, ReportFormat f) {
        String actual = f.value(l.actual() == null ? java.math.BigDecimal.ZERO : l.actual(), l.unit());
        if (l.lowerIsBetter() && l.variancePercent() != null) {
            return l.label() + ": " + actual + " against " + f.value(l.planned(), l.unit()) + " planned ("
                    + f.percent(l.variancePercent().abs()) + (l.variancePercent().signum() > 0 ? " over)" : " under)");
        }
        return l.label() + ": " + actual + " of " + f.value(l.planned(), l.unit()) + " planned ("
                + f.percent(l.attainmentPercent()) + ")";
    }

    private static void approvals(Document d, PeriodEndReport r, ReportFormat f) throws DocumentException {
        d.add(heading("Approval trail"));
        PdfPTable table = table("Step", "Decision", "By", "When", "Reason");
        if (r.approvals().isEmpty()) {
            cells(table, "No decision recorded", "", "", "", "");
        }
        r.approvals().forEach(a -> cells(table, a.step() + (a.amendmentId() == null ? "" : " (amendment)"),
                decision(a), person(r, a.decidedBy()), f.moment(a.decidedAt()), a.reason()));
        d.add(table);
    }

    private static String decision(PeriodEndReport.ApprovalLine a) {
        return switch (a.status()) {
            case "APPROVED" -> "ACCEPTANCE".equals(a.kind()) ? "Accepted" : "Approved";
            case "REVISION_REQUESTED" -> "Revision requested";
            case "REJECTED" -> "Rejected";
            default -> a.status();
        };
    }

    private static void reviews(Document d, PeriodEndReport r, ReportFormat f) throws DocumentException {
        d.add(heading("Reviews held"));
        PdfPTable held = table("Review", "Held by", "Decisions", "Action", "Owner", "Due", "Status");
        if (r.reviews().isEmpty()) {
            cells(held, "No review held yet", "", "", "", "", "", "");
        }
        for (PeriodEndReport.ReviewLine review : r.reviews()) {
            String when = f.date(review.dueDate()) + (review.heldAt() == null ? ""
                    : " (held " + f.date(review.heldAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()) + ")");
            String by = person(r, review.heldBy());
            String decided = String.join("; ", review.decisions());
            if (review.actions().isEmpty()) {
                cells(held, when, by, decided, "", "", "", "");
            }
            for (ReviewAction a : review.actions()) {
                cells(held, when, by, decided, a.description(), owner(a), f.date(a.dueDate()),
                        status(a) + (a.carriedFrom() == null ? ""
                                : ", carried over from " + f.date(a.carriedFrom().reviewDate())));
                when = "";
                by = "";
                decided = "";
            }
        }
        d.add(held);
    }

    private static void burnUps(Document d, PdfWriter writer, PeriodEndReport r, ReportFormat f)
            throws DocumentException, IOException {
        for (BurnUp chart : r.burnUps()) {
            d.add(heading("Burn-up: " + chart.label()));
            d.add(BurnUpChart.draw(writer, chart, f));
            d.add(new Paragraph("Figures of the burn-up of " + chart.label(), CELL_BOLD));
            PdfPTable figures = table("Date", "Actual", "Planned pace", "Projection");
            chart.rows().forEach(row -> cells(figures, f.date(row.date()), f.value(row.actual(), chart.unit()),
                    f.value(row.pace(), chart.unit()), f.value(row.projection(), chart.unit())));
            figures.setWidthPercentage(60);
            figures.setHorizontalAlignment(Element.ALIGN_LEFT);
            d.add(figures);
        }
    }

    private static void details(Document d, PeriodEndReport r, ReportFormat f) throws DocumentException {
        lines(d, "KPIs", r.kpis(), f);
        // a figure the revenue section targets and a KPI measures is one figure: the KPIs table shows it, once
        java.util.Set<String> inKpis = r.kpis().stream().map(k -> RevenueKpis.revenueFieldOf(k.measuredFigure()))
                .flatMap(java.util.Optional::stream).collect(java.util.stream.Collectors.toSet());
        lines(d, "Revenue and pipeline targets", r.targets().stream().filter(t -> !inKpis.contains(t.key())).toList(),
                f);
        lines(d, "Certifications", r.certifications(), f);
        List<Line> other = new ArrayList<>();
        if (r.mdf() != null) {
            other.add(r.mdf());
        }
        if (r.coSellEngagements() != null) {
            other.add(r.coSellEngagements());
        }
        lines(d, "MDF and co-selling", other, f);
        d.add(heading("Campaigns"));
        PdfPTable campaigns = table("Campaign", "Tactic", "Start", "End", "MDF requested", "Executed");
        r.campaigns().forEach(c -> cells(campaigns, c.name(), words(c.tactic()), f.date(c.startDate()),
                f.date(c.endDate()), f.money(c.mdfRequested()), c.executed() ? "yes" : "no"));
        d.add(campaigns);
        d.add(heading("Vendor commitments"));
        PdfPTable commitments = table("Commitment", "Promised", "Delivered");
        r.vendorCommitments().forEach(c -> cells(commitments, c.commitment(), f.value(c.promised(), c.unit()),
                f.value(c.delivered(), c.unit())));
        d.add(commitments);
    }

    private static void lines(Document d, String name, List<Line> lines, ReportFormat f) throws DocumentException {
        if (lines.isEmpty()) {
            return;
        }
        d.add(heading(name));
        PdfPTable table = table("Item", "Planned", "Actual", "Variance", "Variance %");
        lines.forEach(l -> cells(table, l.label(), f.value(l.planned(), l.unit()), f.value(l.actual(), l.unit()),
                f.value(l.variance(), l.unit()), f.percent(l.variancePercent())));
        d.add(table);
    }

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(8);
        p.setSpacingAfter(2);
        return p;
    }

    private static com.lowagie.text.List bullets(List<String> items, String none) {
        com.lowagie.text.List list = new com.lowagie.text.List(false, 10);
        list.setListSymbol("•");
        if (items.isEmpty()) {
            list.add(new ListItem(none, BODY));
        }
        items.forEach(i -> list.add(new ListItem(i, BODY)));
        return list;
    }

    private static PdfPTable table(String... headers) {
        PdfPTable table = new PdfPTable(headers.length);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, CELL_BOLD));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        return table;
    }

    private static void cells(PdfPTable table, String... values) {
        for (String v : values) {
            table.addCell(new Phrase(v == null ? "" : v, CELL));
        }
    }

    /** A person by name; a reader cannot do anything with a Salesforce user id, so an unnamed one is said so. */
    private static String person(PeriodEndReport r, String userId) {
        if (userId == null) {
            return "";
        }
        String name = r.people().get(userId);
        return name == null || name.isBlank() ? "a user Salesforce has not named yet" : name;
    }

    private static String partner(PeriodEndReport r) {
        return r.partnerName() == null || r.partnerName().isBlank() ? "Partner (name not yet synchronised)"
                : r.partnerName();
    }

    private static String owner(ReviewAction a) {
        String side = a.ownerSide() == null ? "" : words(a.ownerSide().name());
        return a.owner() == null ? side : side.isEmpty() ? a.owner() : side + ": " + a.owner();
    }

    private static String status(ReviewAction a) {
        return words((a.isOpen() ? ReviewAction.Status.OPEN : a.status()).name());
    }

    /** An enum constant as words: CARRIED_OVER as "Carried over". */
    private static String words(String constant) {
        String lower = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
