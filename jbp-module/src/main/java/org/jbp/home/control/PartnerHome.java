package org.jbp.home.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jbp.approval.control.PlanActions;
import org.jbp.kpi.control.KpiDashboards;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.plan.entity.VendorCommitments;
import org.jbp.security.CurrentUser;

/**
 * A partner user's day: each open plan of their account with what they must do next, and what the vendor
 * committed beside what it has delivered so far. The vendor's side is read from the same records the dashboard
 * shows (fund requests read back from Salesforce); what is recorded only at close (co-sell hours) says so.
 */
@RequestScoped
public class PartnerHome {

    /** One thing the partner can do now, named by the action the plan offers them. */
    public record NextStep(String action, String text) {
    }

    public record VendorSide(String currency, BigDecimal mdfCommitted, BigDecimal mdfRequested, BigDecimal mdfApproved,
                             BigDecimal mdfPaid, Integer coSellHoursCommitted, Integer preSalesHoursCommitted,
                             String executiveSponsor) {
    }

    public record PartnerPlan(String planId, String title, String status, String period, List<NextStep> nextSteps,
                              VendorSide vendor) {
    }

    private static final int MAX_PLANS = 50;

    @Inject
    CurrentUser user;
    @Inject
    PlanRepository plans;
    @Inject
    PlanService service;
    @Inject
    PlanActions actions;
    @Inject
    KpiDashboards dashboards;

    public List<PartnerPlan> ofMyAccount() {
        List<PartnerPlan> lines = new ArrayList<>();
        var filter = new PlanRepository.PlanFilter(user.requirePartnerAccount(), null, null, null, null, null, 0,
                MAX_PLANS);
        for (BusinessPlan plan : plans.search(filter)) {
            if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.REJECTED) {
                continue;
            }
            lines.add(new PartnerPlan(plan.id().toString(), plan.title(), plan.status().name(), plan.period().label(),
                    nextSteps(plan), vendorSide(plan)));
        }
        return lines;
    }

    private List<NextStep> nextSteps(BusinessPlan plan) {
        List<String> allowed = actions.allowed(plan);
        List<NextStep> steps = new ArrayList<>();
        if (allowed.contains("accept")) {
            steps.add(new NextStep("accept", "Accept the plan, or ask for a revision with a reason"));
        }
        if (plan.status() == PlanStatus.DRAFT && allowed.contains("edit")) {
            List<String> missing = service.missingForSubmission(plan);
            steps.add(missing.isEmpty() ? new NextStep("edit", "Check the draft with your channel manager")
                    : new NextStep("edit", "Fill in: " + String.join(", ", missing)));
        }
        if (allowed.contains("review")) {
            steps.add(new NextStep("review", "Prepare the next review against the plan's targets"));
        }
        if (allowed.contains("amend")) {
            steps.add(new NextStep("amend", "Propose a change if the plan no longer fits"));
        }
        if (allowed.contains("comment")) {
            steps.add(new NextStep("comment", "Comment on any section"));
        }
        return steps;
    }

    private VendorSide vendorSide(BusinessPlan plan) {
        VendorCommitments committed = plan.content().vendorCommitments();
        // what the plan asks for, whatever its status; approved and paid exist once the vendor has answered
        BigDecimal requested = plan.content().sections().campaigns() == null ? BigDecimal.ZERO
                : plan.content().sections().campaigns().stream().filter(c -> c.mdfRequested() != null)
                .map(c -> c.mdfRequested().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal approved = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        if (plan.status() == PlanStatus.ACTIVE || plan.status() == PlanStatus.APPROVED) {
            for (KpiDashboards.CampaignFunds c : dashboards.of(plan).campaigns()) {
                approved = approved.add(orZero(c.mdfApproved()));
                paid = paid.add(orZero(c.mdfPaid()));
            }
        }
        return new VendorSide(plan.currency(),
                committed == null || committed.mdfBudget() == null ? null : committed.mdfBudget().amount(),
                requested, approved, paid, committed == null ? null : committed.coSellSupportHours(),
                committed == null ? null : committed.preSalesAvailabilityHours(),
                committed == null ? null : committed.executiveSponsor());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
