package org.jbp.plan.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.control.PlanJson;
import org.jbp.plan.control.PlanWorkflow.PendingStep;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.VendorCommitments;
import org.jbp.template.entity.TemplateVersion;

/**
 * A plan as the API shows it. Each person id is kept as it was and has its name beside it ({@code ownerName} ...)
 * when the user directory knows one; an unknown name is left out, and clients show the id instead.
 */
public record PlanView(String id, PartnerRef partner, TemplateRef template, String title, String currency,
                       PeriodView period, String status, String ownerId, String ownerName, int revision,
                       long version, Instant createdAt, String createdBy, String createdByName, Instant updatedAt,
                       PlanSections sections, VendorCommitments vendorCommitments,
                       List<String> missingForSubmission, Lifecycle lifecycle, List<String> allowedActions) {

    /** Where the plan stands in its lifecycle, and the step waiting for a decision. */
    public record Lifecycle(int approvalRound, Instant submittedAt, Instant approvedAt, Instant activatedAt,
                            Instant closedAt, String closedBy, String closedByName, Integer baselineRevision,
                            String previousPlanId,
                            jakarta.json.JsonValue baselineActuals, CurrentStep currentStep) {
    }

    public record CurrentStep(UUID id, String kind, String name, String approverRole, String approverUser,
                              String approverUserName, Instant dueAt, Instant escalatedAt, String escalatedTo, UUID amendmentId) {
    }

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

    /** The person ids a plan view names, for one directory look-up. */
    static List<String> people(BusinessPlan plan, PendingStep pending) {
        List<String> ids = new java.util.ArrayList<>(List.of(plan.ownerId(), plan.createdBy()));
        if (plan.closedBy() != null) {
            ids.add(plan.closedBy());
        }
        if (pending != null && pending.approverUser() != null) {
            ids.add(pending.approverUser());
        }
        return ids;
    }

    static PlanView of(BusinessPlan plan, Partner partner, TemplateVersion template, List<String> missing,
                       PendingStep pending, List<String> allowedActions, Map<String, String> names) {
        CurrentStep step = pending == null ? null : new CurrentStep(pending.id(), pending.kind(), pending.name(),
                pending.approverRole(), pending.approverUser(), names.get(pending.approverUser()), pending.dueAt(),
                pending.escalatedAt(), pending.escalatedTo(), pending.amendmentId());
        Lifecycle lifecycle = new Lifecycle(plan.approvalRound(), plan.submittedAt(), plan.approvedAt(),
                plan.activatedAt(), plan.closedAt(), plan.closedBy(), names.get(plan.closedBy()),
                plan.baselineRevision(), plan.previousPlanId() == null ? null : plan.previousPlanId().toString(),
                plan.baselineActualsJson() == null ? null : PlanJson.tree(plan.baselineActualsJson()), step);
        return new PlanView(plan.id().toString(),
                new PartnerRef(plan.partner().value(), partner == null ? null : partner.name(),
                        partner == null ? null : partner.tier()),
                new TemplateRef(plan.templateId(), plan.templateVersion(), template.definition().name(),
                        template.definition().planType().name()),
                plan.title(), plan.currency(), PeriodView.of(plan.period()), plan.status().name(), plan.ownerId(),
                names.get(plan.ownerId()), plan.revision(), plan.version(), plan.createdAt(), plan.createdBy(),
                names.get(plan.createdBy()), plan.updatedAt(),
                plan.content().sections(), plan.content().vendorCommitments(), missing, lifecycle, allowedActions);
    }

    /** The short form used in lists. */
    public record Summary(String id, String partnerAccountId, String partnerName, String title, String status,
                          String period, LocalDate start, LocalDate end, String ownerId, String ownerName, int revision,
                          long version) {
        static Summary of(BusinessPlan plan, Partner partner, Map<String, String> names) {
            return new Summary(plan.id().toString(), plan.partner().value(), partner == null ? null : partner.name(), plan.title(),
                    plan.status().name(), plan.period().label(), plan.period().start(), plan.period().end(),
                    plan.ownerId(), names.get(plan.ownerId()), plan.revision(), plan.version());
        }
    }
}
