package org.jbp.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jbp.kernel.PlanId;
import org.jbp.outbox.entity.OutboxEntry;
import org.jbp.outbox.entity.OutboxKind;

/** Queues CRM writes; must run inside the transaction of the change that causes them. */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEntry enqueue(OutboxKind kind, String externalId, PlanId planId, String payload) {
        OutboxEntry entry = new OutboxEntry(kind, externalId, planId, payload, clock.instant());
        em.persist(entry);
        return entry;
    }

    public List<OutboxEntry> forPlan(PlanId planId) {
        return em.createQuery("select o from OutboxEntry o where o.planId = :plan order by o.createdAt", OutboxEntry.class)
                .setParameter("plan", planId).getResultList();
    }
}
