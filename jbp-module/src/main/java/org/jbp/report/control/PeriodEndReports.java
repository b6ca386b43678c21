package org.jbp.report.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbp.kpi.control.KpiActuals;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.report.control.PeriodEndReport.CampaignLine;
import org.jbp.report.control.PeriodEndReport.CommitmentLine;
import org.jbp.report.control.PeriodEndReport.Line;
import org.jbp.plan.control.Reviews;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.Campaign;
import org.jbp.plan.entity.CertificationMilestone;
import org.jbp.plan.entity.Money;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.plan.entity.VendorCommitments;
import org.jbp.template.control.TemplateRepository;
import org.jbp.template.entity.KpiDefinition;

/**
 * Builds the planned-vs-actual report and renders it as JSON, CSV or PDF. Actuals are the metrics the CRM
 * mapping names: targets read {@code pipeline_created}, {@code revenue_won}, {@code deals_registered};
 * certifications {@code certifications_completed(ROLE)}; co-sell {@code co_sell_engagements}; MDF {@code mdf_claimed}.
 */
@ApplicationScoped
public class PeriodEndReports {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    KpiActuals actuals;
    @Inject
    TemplateRepository templates;
    @Inject
    PartnerRepository partners;
    @Inject
    Clock clock;
    @Inject
    Reviews reviews;

    /** What the vendor delivered, as the channel manager records it at close. */
    public record VendorDelivered(BigDecimal mdfPaid, Integer coSellSupportHours, Integer preSalesAvailabilityHours,
                                  String executiveSponsorship) {
    }

    public PeriodEndReport build(BusinessPlan plan, VendorDelivered delivered, boolean closing) {
        Map<String, BigDecimal> current = actuals.current(plan.id());
        PlanSections s = plan.content().sections();
        LocalDate asOf = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        List<Line> kpis = new ArrayList<>();
        List<KpiDefinition> definitions = templates.version(plan.templateId(), plan.templateVersion()).orElseThrow()
                .definition().kpis();
        if (s.kpis() != null) {
            for (var target : s.kpis()) {
                KpiDefinition d = definitions.stream().filter(k -> k.key().equals(target.kpiKey())).findFirst().orElse(null);
                String metric = d == null || d.sourceKey() == null ? target.kpiKey() : d.sourceKey();
                kpis.add(Line.of(target.kpiKey(), d == null ? target.kpiKey() : d.label(),
                        d == null ? null : d.unit().name(), target.target(), KpiActuals.periodValue(current, metric)));
            }
        }

        List<Line> targets = new ArrayList<>();
        RevenueTargets revenue = s.revenue();
        if (revenue != null) {
            targets.add(Line.of("pipeline", "Pipeline", "CURRENCY", amount(revenue.pipeline()),
                    KpiActuals.periodValue(current, "pipeline_created")));
            targets.add(Line.of("closedRevenue", "Closed revenue", "CURRENCY", amount(revenue.closedRevenue()),
                    KpiActuals.periodValue(current, "revenue_won")));
            targets.add(Line.of("registeredDeals", "Registered deals", "COUNT",
                    revenue.registeredDeals() == null ? null : BigDecimal.valueOf(revenue.registeredDeals()),
                    KpiActuals.periodValue(current, "deals_registered")));
        }

        List<CampaignLine> campaigns = new ArrayList<>();
        BigDecimal mdfPlanned = BigDecimal.ZERO;
        for (Campaign c : s.campaigns() == null ? List.<Campaign>of() : s.campaigns()) {
            BigDecimal mdf = amount(c.mdfRequested());
            mdfPlanned = mdfPlanned.add(mdf == null ? BigDecimal.ZERO : mdf);
            campaigns.add(new CampaignLine(c.key(), c.name(), c.tactic().name(), c.startDate(), c.endDate(), mdf,
                    !c.endDate().isAfter(asOf)));
        }
        Line mdf = Line.of("mdf", "MDF requested vs claimed", "CURRENCY", mdfPlanned,
                KpiActuals.periodValue(current, "mdf_claimed"));

        List<Line> certifications = new ArrayList<>();
        for (CertificationMilestone m : s.certifications() == null ? List.<CertificationMilestone>of() : s.certifications()) {
            certifications.add(Line.of(m.role().name(), m.track() + " (" + m.role().name().toLowerCase() + ")", "COUNT",
                    BigDecimal.valueOf(m.count()),
                    KpiActuals.periodValue(current, "certifications_completed(" + m.role().name() + ")")));
        }
        Line coSell = s.coSell() == null || s.coSell().engagementsTarget() == null ? null
                : Line.of("coSellEngagements", "Co-sell engagements", "COUNT",
                BigDecimal.valueOf(s.coSell().engagementsTarget()),
                KpiActuals.periodValue(current, "co_sell_engagements"));

        List<CommitmentLine> commitments = new ArrayList<>();
        VendorCommitments promised = plan.content().vendorCommitments();
        if (promised != null) {
            commitments.add(new CommitmentLine("MDF budget", text(amount(promised.mdfBudget())),
                    delivered == null ? null : text(delivered.mdfPaid())));
            commitments.add(new CommitmentLine("Co-sell support hours", text(promised.coSellSupportHours()),
                    delivered == null ? null : text(delivered.coSellSupportHours())));
            commitments.add(new CommitmentLine("Pre-sales availability hours", text(promised.preSalesAvailabilityHours()),
                    delivered == null ? null : text(delivered.preSalesAvailabilityHours())));
            commitments.add(new CommitmentLine("Executive sponsorship", promised.executiveSponsor(),
                    delivered == null ? null : delivered.executiveSponsorship()));
        }
        Partner partner = partners.find(plan.partner()).orElse(null);
        return new PeriodEndReport(plan.id(), plan.title(), plan.partner().value(),
                partner == null ? null : partner.name(), plan.period().label(), plan.period().start(),
                plan.period().end(), plan.currency(), closing ? PlanStatus.CLOSED.name() : plan.status().name(),
                clock.instant(), !closing && plan.status() != PlanStatus.CLOSED, kpis, targets, campaigns, mdf,
                certifications, coSell, commitments, reviewsHeld(plan));
    }

    private List<PeriodEndReport.ReviewLine> reviewsHeld(BusinessPlan plan) {
        // in the order they were held: an extra review held today may be due before a scheduled one held earlier
        return reviews.of(plan.id()).stream().filter(r -> org.jbp.plan.entity.Review.COMPLETED.equals(r.status()))
                .sorted(java.util.Comparator.comparing(org.jbp.plan.entity.Review::completedAt,
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .map(r -> new PeriodEndReport.ReviewLine(r.id(), r.dueDate(), r.completedAt(), r.completedBy(),
                        Reviews.decisions(r), Reviews.actions(r)))
                .toList();
    }

    public String json(PeriodEndReport report) {
        return JSONB.toJson(report);
    }

    public PeriodEndReport read(String json) {
        return JSONB.fromJson(json, PeriodEndReport.class);
    }

    public String csv(PeriodEndReport r) {
        StringBuilder csv = new StringBuilder("section,key,label,unit,planned,actual,variance,variance_percent\r\n");
        r.kpis().forEach(l -> row(csv, "kpi", l));
        r.targets().forEach(l -> row(csv, "target", l));
        if (r.mdf() != null) {
            row(csv, "mdf", r.mdf());
        }
        r.certifications().forEach(l -> row(csv, "certification", l));
        if (r.coSellEngagements() != null) {
            row(csv, "co-sell", r.coSellEngagements());
        }
        r.campaigns().forEach(c -> csv.append(cells("campaign", c.key(), c.name(), "CURRENCY", text(c.mdfRequested()),
                c.executed() ? "executed" : "not executed", "", "")));
        r.vendorCommitments().forEach(c -> csv.append(cells("vendor-commitment", "", c.commitment(), "",
                c.promised(), c.delivered(), "", "")));
        // a review's rows are keyed by its due date; an action's owner side sits in unit, due date and status in
        // planned and actual, the columns the campaigns and commitments reuse the same way
        for (PeriodEndReport.ReviewLine review : r.reviews()) {
            String key = String.valueOf(review.dueDate());
            csv.append(cells("review", key, "Review held", "", "", text(review.heldAt()), "", ""));
            review.decisions().forEach(d -> csv.append(cells("review-decision", key, d, "", "", "", "", "")));
            review.actions().forEach(a -> csv.append(cells("review-action", key, a.description(),
                    a.ownerSide() == null ? "" : a.ownerSide().name(), text(a.dueDate()),
                    (a.isOpen() ? org.jbp.plan.entity.ReviewAction.Status.OPEN : a.status()).name(), "", "")));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String section, Line l) {
        csv.append(cells(section, l.key(), l.label(), l.unit(), text(l.planned()), text(l.actual()),
                text(l.variance()), text(l.variancePercent())));
    }

    /** RFC 4180: quote every cell, double inner quotes; neutralise spreadsheet formulas. */
    private static String cells(String... values) {
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

    public byte[] pdf(PeriodEndReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
            document.add(new Paragraph((r.interim() ? "Interim report: " : "Period-end report: ") + r.title(), title));
            document.add(new Paragraph(r.partnerName() + " (" + r.partnerAccountId() + "), " + r.period() + ", "
                    + r.start() + " to " + r.end() + ", amounts in " + r.currency()));
            document.add(new Paragraph("Generated " + r.generatedAt()));
            lines(document, heading, "KPIs", r.kpis());
            lines(document, heading, "Revenue and pipeline targets", r.targets());
            lines(document, heading, "Certifications", r.certifications());
            List<Line> other = new ArrayList<>();
            if (r.mdf() != null) {
                other.add(r.mdf());
            }
            if (r.coSellEngagements() != null) {
                other.add(r.coSellEngagements());
            }
            lines(document, heading, "MDF and co-selling", other);
            document.add(new Paragraph("Campaigns", heading));
            PdfPTable campaigns = table("Campaign", "Tactic", "Start", "End", "MDF requested", "Executed");
            r.campaigns().forEach(c -> cellsOf(campaigns, c.name(), c.tactic(), String.valueOf(c.startDate()),
                    String.valueOf(c.endDate()), text(c.mdfRequested()), c.executed() ? "yes" : "no"));
            document.add(campaigns);
            document.add(new Paragraph("Vendor commitments", heading));
            PdfPTable commitments = table("Commitment", "Promised", "Delivered");
            r.vendorCommitments().forEach(c -> cellsOf(commitments, c.commitment(), c.promised(), c.delivered()));
            document.add(commitments);
            document.add(new Paragraph("Reviews held", heading));
            PdfPTable held = table("Review", "Decisions", "Action", "Owner", "Due", "Status");
            for (PeriodEndReport.ReviewLine review : r.reviews()) {
                String when = review.dueDate() + (review.heldAt() == null ? ""
                        : " (held " + LocalDate.ofInstant(review.heldAt(), ZoneOffset.UTC) + ")");
                String decided = String.join("; ", review.decisions());
                if (review.actions().isEmpty()) {
                    cellsOf(held, when, decided, "", "", "", "");
                }
                for (var a : review.actions()) {
                    cellsOf(held, when, decided, a.description(), owner(a), text(a.dueDate()),
                            (a.isOpen() ? "OPEN" : a.status().name()) + (a.carriedFrom() == null ? ""
                                    : ", carried over from " + a.carriedFrom().reviewDate()));
                    when = "";
                    decided = "";
                }
            }
            document.add(held);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the report as PDF", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void lines(Document document, Font heading, String name, List<Line> lines) throws DocumentException {
        document.add(new Paragraph(name, heading));
        PdfPTable table = table("Item", "Unit", "Planned", "Actual", "Variance", "Variance %");
        lines.forEach(l -> cellsOf(table, l.label(), l.unit(), text(l.planned()), text(l.actual()), text(l.variance()),
                text(l.variancePercent())));
        document.add(table);
    }

    private static PdfPTable table(String... headers) {
        PdfPTable table = new PdfPTable(headers.length);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, bold));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        return table;
    }

    private static void cellsOf(PdfPTable table, String... values) {
        Font font = FontFactory.getFont(FontFactory.HELVETICA, 9);
        for (String v : values) {
            table.addCell(new Phrase(v == null ? "" : v, font));
        }
    }

    private static String owner(org.jbp.plan.entity.ReviewAction a) {
        String side = a.ownerSide() == null ? "" : a.ownerSide().name().charAt(0) + a.ownerSide().name().substring(1).toLowerCase();
        return a.owner() == null ? side : side.isEmpty() ? a.owner() : side + ": " + a.owner();
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
