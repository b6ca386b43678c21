package org.jbp.approval.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.approval.control.ApprovalQueue;
import org.jbp.approval.entity.ApprovalStep;
import org.jbp.kernel.Money;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.Campaign;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.platform.QueryParams;
import org.jbp.security.Roles;

/** The approver's day: every step waiting for the caller's decision, overdue first. */
@Path("approvals/waiting")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class ApprovalQueueResource {

    @Inject
    ApprovalQueue queue;
    @Inject
    PlanAccess access;
    @Inject
    PlanService plans;
    @Inject
    Clock clock;

    /** What an approver weighs before opening the plan: the headline targets and the MDF the partner asks for. */
    public record Headline(String currency, BigDecimal closedRevenue, BigDecimal pipeline, Integer registeredDeals,
                           BigDecimal mdfRequested, int campaigns) {
    }

    public record WaitingStep(UUID stepId, String stepName, String kind, String planId, String planTitle,
                              String planStatus, String planType, String fiscalPeriod, String partnerAccountId,
                              String partnerName, String tier, Instant submittedAt, Instant waitingSince,
                              Instant dueAt, Long slaHoursLeft, boolean overdue, Instant escalatedAt,
                              String escalatedTo, boolean amendment, Headline headline) {
    }

    public record Queue(List<WaitingStep> items, int total, int offset, int limit) {
    }

    @GET
    @Operation(summary = "Steps waiting for the caller's decision (named, by role, by escalation, or a partner "
            + "user's acceptance), overdue first, then by SLA due time; total counts them all")
    public Queue waiting(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        int from = QueryParams.number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.number("limit", limit, 50, 1, 200);
        ApprovalQueue.Page page = queue.waitingForMe(from, size);
        Instant now = clock.instant();
        Map<String, String> planTypes = new HashMap<>();
        List<WaitingStep> items = page.items().stream().map(w -> view(w.step(), w.plan(), now, planTypes)).toList();
        return new Queue(items, page.total(), from, size);
    }

    private WaitingStep view(ApprovalStep step, BusinessPlan plan, Instant now, Map<String, String> planTypes) {
        Partner partner = access.partnerOf(plan).orElse(null);
        String planType = planTypes.computeIfAbsent(plan.templateId() + ":" + plan.templateVersion(),
                key -> plans.templateOf(plan).definition().planType().name());
        Long hoursLeft = step.dueAt() == null ? null : Duration.between(now, step.dueAt()).toHours();
        boolean overdue = step.dueAt() != null && now.isAfter(step.dueAt());
        return new WaitingStep(step.id(), step.name(), step.kind().name(), plan.id().toString(), plan.title(),
                plan.status().name(), planType, plan.period().label(), plan.partner().value(),
                partner == null ? null : partner.name(), partner == null ? null : partner.tier(),
                plan.submittedAt(), step.openedAt(), step.dueAt(), hoursLeft, overdue, step.escalatedAt(),
                step.escalatedTo(), step.amendmentId() != null, headline(plan));
    }

    private static Headline headline(BusinessPlan plan) {
        PlanSections sections = plan.content() == null ? PlanSections.empty() : plan.content().sections();
        RevenueTargets revenue = sections.revenue();
        List<Campaign> campaigns = sections.campaigns() == null ? List.of() : sections.campaigns();
        BigDecimal mdf = campaigns.stream().map(Campaign::mdfRequested).filter(m -> m != null).map(Money::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Headline(plan.currency(), amount(revenue == null ? null : revenue.closedRevenue()),
                amount(revenue == null ? null : revenue.pipeline()), revenue == null ? null : revenue.registeredDeals(),
                mdf, campaigns.size());
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
