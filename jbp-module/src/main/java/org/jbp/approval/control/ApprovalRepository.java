package org.jbp.approval.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jbp.approval.entity.ApprovalStep;
import org.jbp.approval.entity.StepStatus;
import org.jbp.kernel.PlanId;

@ApplicationScoped
public class ApprovalRepository {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;

    public void add(ApprovalStep step) {
        em.persist(step);
    }

    public List<ApprovalStep> forPlan(PlanId planId) {
        return em.createQuery("select s from ApprovalStep s where s.planId = :plan order by s.round, s.position",
                ApprovalStep.class).setParameter("plan", planId).getResultList();
    }

    public List<ApprovalStep> round(PlanId planId, int round) {
        return em.createQuery("select s from ApprovalStep s where s.planId = :plan and s.round = :round "
                        + "order by s.position", ApprovalStep.class)
                .setParameter("plan", planId).setParameter("round", round).getResultList();
    }

    public Optional<ApprovalStep> find(UUID stepId) {
        return Optional.ofNullable(em.find(ApprovalStep.class, stepId));
    }

    public Optional<ApprovalStep> pending(PlanId planId) {
        return em.createQuery("select s from ApprovalStep s where s.planId = :plan and s.status = :pending",
                        ApprovalStep.class)
                .setParameter("plan", planId).setParameter("pending", StepStatus.PENDING)
                .getResultStream().findFirst();
    }

    public List<ApprovalStep> overdue(Instant now) {
        return em.createQuery("select s from ApprovalStep s where s.status = :pending and s.dueAt < :now "
                        + "and s.escalatedAt is null", ApprovalStep.class)
                .setParameter("pending", StepStatus.PENDING).setParameter("now", now).getResultList();
    }

    public void flush() {
        em.flush();
    }
}
