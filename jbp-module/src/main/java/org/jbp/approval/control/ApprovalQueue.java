package org.jbp.approval.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jbp.approval.entity.ApprovalStep;
import org.jbp.approval.entity.StepKind;
import org.jbp.approval.entity.StepStatus;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanContents;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.security.CurrentUser;

/**
 * "Waiting for me": every pending step the caller may decide now, the most urgent first (overdue, then by SLA due
 * time, then by how long it has waited; only PENDING steps, and a chain opens one at a time). The database selects the steps assigned to the caller (named, by role,
 * by escalation, or a partner's acceptance of their own account's plan); the same rule that guards a decision then
 * confirms each one, so the queue never shows a step its decision would refuse.
 */
@RequestScoped
public class ApprovalQueue {

    /** One waiting step with its plan (content parsed). */
    public record Waiting(ApprovalStep step, BusinessPlan plan) {
    }

    /** A page of the queue and how many steps wait in all, so a cut list says so. */
    public record Page(List<Waiting> items, int total) {
    }

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    CurrentUser user;
    @Inject
    ApprovalService approvals;
    @Inject
    PlanAccess access;
    @Inject
    PlanContents contents;

    public Page waitingForMe(int offset, int limit) {
        StringBuilder jpql = new StringBuilder("select s, p from ApprovalStep s, BusinessPlan p where p.id = s.planId "
                + "and s.status = :pending and ((s.kind = :approval and (s.approverUser = :me "
                + "or s.approverRole in :roles or (s.escalatedAt is not null and s.escalatedTo in :roles)))");
        Optional<PartnerAccountId> account = user.isPartnerUser() ? user.partnerAccount() : Optional.empty();
        if (account.isPresent()) {
            jpql.append(" or (s.kind = :acceptance and p.partner = :account)");
        }
        jpql.append(") order by case when s.dueAt is null then 1 else 0 end, s.dueAt, s.openedAt, s.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("pending", StepStatus.PENDING).setParameter("approval", StepKind.APPROVAL)
                .setParameter("me", user.id()).setParameter("roles", List.copyOf(user.roles()));
        account.ifPresent(a -> query.setParameter("acceptance", StepKind.ACCEPTANCE).setParameter("account", a));
        List<Waiting> decidable = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            ApprovalStep step = (ApprovalStep) row[0];
            BusinessPlan plan = (BusinessPlan) row[1];
            if (access.canSee(plan) && approvals.mayDecide(plan, step)) {
                decidable.add(new Waiting(step, plan));
            }
        }
        int from = Math.min(offset, decidable.size());
        int to = Math.min(from + limit, decidable.size());
        List<Waiting> page = decidable.subList(from, to);
        page.forEach(w -> contents.attach(w.plan()));
        return new Page(List.copyOf(page), decidable.size());
    }
}
