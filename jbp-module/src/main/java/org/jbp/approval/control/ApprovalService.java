package org.jbp.approval.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.approval.entity.ApprovalStep;
import org.jbp.approval.entity.Decision;
import org.jbp.approval.entity.StepKind;
import org.jbp.approval.entity.StepStatus;
import org.jbp.kernel.PlanId;
import org.jbp.notification.control.Notifier;
import org.jbp.plan.control.ChainOutcome;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.platform.FieldError;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;
import org.jbp.template.entity.ApprovalStepDefinition;
import org.jbp.template.entity.TemplateDefinition;

/**
 * Runs approval chains: a submission (or an amendment) opens a round of steps taken from the template,
 * partner acceptance first where required; steps open one after the other; only the current step's approver
 * decides it, once. Decisions on one plan are serialised by locking the plan row, so two approvers deciding
 * the same step at the same moment record exactly one decision.
 */
@RequestScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class.getName());

    @Inject
    ApprovalRepository steps;
    @Inject
    PlanRepository plans;
    @Inject
    PlanService planService;
    @Inject
    PlanAccess access;
    @Inject
    CurrentUser user;
    @Inject
    Notifier notifier;
    @Inject
    Instance<ChainOutcome> outcomes;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<org.jbp.plan.control.PlanEvent> events;
    @Inject
    @ConfigProperty(name = "jbp.approval.partner-acceptance-tiers", defaultValue = "Platinum,Gold")
    Set<String> acceptanceTiers;

    /** DRAFT to IN_APPROVAL: refused with what is missing when a required section is incomplete. */
    @Transactional
    public List<ApprovalStep> submit(PlanId planId) {
        BusinessPlan plan = lockedVisible(planId);
        if (!access.actsForVendorOn(plan)) {
            throw ProblemException.forbidden("Only the plan's channel manager or an admin submits it");
        }
        List<String> missing = planService.missingForSubmission(plan);
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing.stream()
                    .map(field -> new FieldError(field, "required by the template and incomplete")).toList());
        }
        int round = plan.submit(clock.instant());
        events.fire(new org.jbp.plan.control.PlanEvent(planId, null, org.jbp.plan.control.PlanEvent.Kind.SUBMITTED));
        return openChain(plan, null, round, false);
    }

    /**
     * Creates and opens the steps of a round. Amendments use the template's amendment chain when it has one.
     */
    public List<ApprovalStep> openChain(BusinessPlan plan, UUID amendmentId, int round, boolean amendment) {
        TemplateDefinition template = planService.templateOf(plan).definition();
        List<ApprovalStep> chain = new ArrayList<>();
        if (partnerAcceptanceRequired(template, plan)) {
            chain.add(new ApprovalStep(plan.id(), amendmentId, round, 0, StepKind.ACCEPTANCE, "Partner acceptance",
                    Roles.PARTNER, null, 72));
        }
        List<ApprovalStepDefinition> definitions = amendment && !template.amendmentChain().isEmpty()
                ? template.amendmentChain() : template.approvalChain();
        for (ApprovalStepDefinition d : definitions) {
            chain.add(new ApprovalStep(plan.id(), amendmentId, round, chain.size(), StepKind.APPROVAL, d.name(),
                    blankToNull(d.role()), blankToNull(d.user()), d.slaHours()));
        }
        chain.forEach(steps::add);
        open(plan, chain.get(0));
        return chain;
    }

    /** An amendment's round opens with the template's amendment chain, in the proposing transaction. */
    void amendmentProposed(@jakarta.enterprise.event.Observes org.jbp.plan.control.AmendmentProposed proposal) {
        openChain(proposal.plan(), proposal.amendmentId(), proposal.round(), true);
    }

    private boolean partnerAcceptanceRequired(TemplateDefinition template, BusinessPlan plan) {
        if (template.partnerAcceptance() != null) {
            return template.partnerAcceptance();
        }
        String tier = planService.partnerTier(plan);
        return tier != null && acceptanceTiers.stream().anyMatch(t -> t.trim().equalsIgnoreCase(tier));
    }

    private void open(BusinessPlan plan, ApprovalStep step) {
        step.open(clock.instant());
        String what = "'" + plan.title() + "' (" + plan.period().label() + ") awaits " + step.name()
                + ", due " + step.dueAt();
        if (step.kind() == StepKind.ACCEPTANCE) {
            notifier.role(Roles.PARTNER, plan, "ACCEPTANCE_REQUESTED", what);
        } else if (step.approverUser() != null) {
            notifier.user(step.approverUser(), plan, "APPROVAL_REQUESTED", what);
            notifier.task(taskKey(step), step.approverUser(), plan, "Approve joint business plan: " + plan.title(),
                    what, step.dueAt());
        } else {
            notifier.role(step.approverRole(), plan, "APPROVAL_REQUESTED", what);
        }
    }

    /** The partner's authorised user accepts: the acceptance step, decided like any other. */
    @Transactional
    public ApprovalStep accept(PlanId planId) {
        BusinessPlan plan = lockedVisible(planId);
        ApprovalStep current = steps.pending(planId)
                .filter(s -> s.kind() == StepKind.ACCEPTANCE)
                .orElseThrow(() -> ProblemException.conflict("No partner acceptance is pending on this plan",
                        Map.of("status", plan.status().name())));
        return decide(plan, current, Decision.APPROVE, null);
    }

    @Transactional
    public ApprovalStep decide(PlanId planId, UUID stepId, Decision decision, String reason) {
        BusinessPlan plan = lockedVisible(planId);
        ApprovalStep step = steps.find(stepId).filter(s -> s.planId().equals(planId))
                .orElseThrow(() -> ProblemException.notFound("Approval step " + stepId));
        return decide(plan, step, decision, reason);
    }

    private ApprovalStep decide(BusinessPlan plan, ApprovalStep step, Decision decision, String reason) {
        if (step.status() == StepStatus.WAITING) {
            throw ProblemException.conflict("Step '" + step.name() + "' is not open yet; an earlier step is pending",
                    Map.of("stepStatus", step.status().name()));
        }
        if (step.status() != StepStatus.PENDING) {
            throw ProblemException.conflict("Step '" + step.name() + "' is already " + step.status()
                            + (step.decidedBy() == null ? "" : ", decided by " + step.decidedBy() + " at " + step.decidedAt()),
                    Map.of("stepStatus", step.status().name()));
        }
        if (!mayDecide(plan, step)) {
            throw ProblemException.forbidden("Step '" + step.name() + "' is for "
                    + (step.approverUser() != null ? "user " + step.approverUser() : "role " + step.approverRole())
                    + (step.isEscalated() ? " or the escalation role " + step.escalatedTo() : ""));
        }
        if (decision.needsReason() && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "a reason is required to " + decision.action());
        }
        if (reason != null && reason.length() > 2000) {
            throw ProblemException.invalid("reason", "at most 2000 characters");
        }
        step.decide(decision, user.id(), user.displayName(), reason, clock.instant());
        if (step.approverUser() != null && step.kind() == StepKind.APPROVAL) {
            notifier.closeTask(taskKey(step), plan, decision.action());
        }
        List<ApprovalStep> round = steps.round(plan.id(), step.round());
        UUID amendment = step.amendmentId();
        ChainOutcome outcome = outcomes.get();
        switch (decision) {
            case APPROVE -> {
                var next = round.stream().filter(s -> s.position() > step.position()
                        && s.status() == StepStatus.WAITING).findFirst();
                if (next.isPresent()) {
                    open(plan, next.get());
                } else {
                    outcome.approved(plan.id(), amendment);
                }
            }
            case REQUEST_REVISION -> {
                round.forEach(ApprovalStep::skip);
                outcome.revisionRequested(plan.id(), amendment, reason);
            }
            case REJECT -> {
                round.forEach(ApprovalStep::skip);
                outcome.rejected(plan.id(), amendment, reason);
            }
        }
        return step;
    }

    boolean mayDecide(BusinessPlan plan, ApprovalStep step) {
        if (step.kind() == StepKind.ACCEPTANCE) {
            return access.isPartnerUserOf(plan);
        }
        if (step.approverUser() != null && step.approverUser().equals(user.id())) {
            return true;
        }
        if (step.approverRole() != null && user.is(step.approverRole())) {
            return true;
        }
        return step.isEscalated() && user.is(step.escalatedTo());
    }

    public List<ApprovalStep> chain(PlanId planId) {
        return chain(planService.visible(planId));
    }

    /** The approval chain of a plan the caller was shown ({@code PlanService.visible}), without reading it again. */
    public List<ApprovalStep> chain(BusinessPlan visible) {
        return steps.forPlan(visible.id());
    }

    /** Flags steps past their SLA and hands them to the template's escalation role as well. */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (ApprovalStep step : steps.overdue(now)) {
            BusinessPlan plan = plans.find(step.planId()).orElseThrow();
            String role = planService.templateOf(plan).definition().escalationRole();
            String to = role == null || role.isBlank() ? Roles.ADMIN : role;
            step.escalate(to, now);
            notifier.role(to, plan, "APPROVAL_ESCALATED", "Step '" + step.name() + "' of '" + plan.title()
                    + "' is past its " + step.slaHours() + " h SLA (due " + step.dueAt() + ")");
            escalated++;
        }
        if (escalated > 0) {
            LOG.info(() -> "escalated overdue approval steps");
        }
        return escalated;
    }

    private BusinessPlan lockedVisible(PlanId planId) {
        BusinessPlan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan " + planId));
        return access.requireVisible(plan);
    }

    static String taskKey(ApprovalStep step) {
        return "jbp-step-" + step.id();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
