package org.jbp.plan.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.VendorCommitments;
import org.jbp.template.entity.TemplateVersion;

/** A plan as the API shows it. */
public record PlanView(UUID id, PartnerRef partner, TemplateRef template, String title, String currency,
                       PeriodView period, String status, String ownerId, int revision, long version,
                       Instant createdAt, String createdBy, Instant updatedAt,
                       PlanSections sections, VendorCommitments vendorCommitments,
                       List<String> missingForSubmission) {

    public record PartnerRef(String accountId, String name, String tier) {
    }

    public record TemplateRef(UUID id, int version, String name, String planType) {
    }

    public record QuarterView(int quarter, LocalDate start, LocalDate end) {
    }

    public record PeriodView(String kind, String label, Integer fiscalYear, Integer quarter, LocalDate start,
                             LocalDate end, List<QuarterView> quarters) {
        static PeriodView of(PlanPeriod p) {
            List<PlanPeriod.DateRange> q = p.quarters();
            return new PeriodView(p.kind().name(), p.label(), p.fiscalYear(), p.fiscalQuarter(), p.start(), p.end(),
                    IntStream.range(0, q.size()).mapToObj(i -> new QuarterView(i + 1, q.get(i).start(), q.get(i).end()))
                            .toList());
        }
    }

    static PlanView of(BusinessPlan plan, Partner partner, TemplateVersion template, List<String> missing) {
        return new PlanView(plan.id(),
                new PartnerRef(plan.partner().value(), partner == null ? null : partner.name(),
                        partner == null ? null : partner.tier()),
                new TemplateRef(plan.templateId(), plan.templateVersion(), template.definition().name(),
                        template.definition().planType().name()),
                plan.title(), plan.currency(), PeriodView.of(plan.period()), plan.status().name(), plan.ownerId(),
                plan.revision(), plan.version(), plan.createdAt(), plan.createdBy(), plan.updatedAt(),
                plan.content().sections(), plan.content().vendorCommitments(), missing);
    }

    /** The short form used in lists. */
    public record Summary(UUID id, String partnerAccountId, String partnerName, String title, String status,
                          String period, LocalDate start, LocalDate end, String ownerId, int revision, long version) {
        static Summary of(BusinessPlan plan, Partner partner) {
            return new Summary(plan.id(), plan.partner().value(), partner == null ? null : partner.name(), plan.title(),
                    plan.status().name(), plan.period().label(), plan.period().start(), plan.period().end(),
                    plan.ownerId(), plan.revision(), plan.version());
        }
    }
}
