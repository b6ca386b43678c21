package org.jbp.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jbp.outbox.entity.OutboxEntry;
import org.jbp.outbox.entity.OutboxKind;
import org.jbp.outbox.entity.OutboxStatus;
import org.jbp.platform.ProblemException;

/**
 * The outbox's own transactions, each short and committed before or after (never across) a Salesforce call:
 * claiming due writes under a lease, recording what the CRM answered, and the admin's retry and discard.
 */
@ApplicationScoped
public class OutboxStore {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Event<WriteDelivered> deliveries;

    /** What became of one claimed write. */
    public sealed interface Outcome {
        record Delivered(String crmId) implements Outcome {
        }

        record RetryLater(Duration backoff, String code, String message) implements Outcome {
        }

        record Parked(String code, String message) implements Outcome {
        }

        /** Not sent at all (the pass stopped first): due again at once, the attempt not counted. */
        record Released() implements Outcome {
        }
    }

    /**
     * Claims up to {@code limit} due PENDING writes of one kind, oldest first. {@code SKIP LOCKED} lets several
     * instances claim at the same moment without waiting for or double-claiming each other's rows; the lease keeps
     * them apart after this transaction commits. A write waits while an older PENDING write with the same external
     * id exists, so a task is never closed before it was created and updates of one record keep their order.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxEntry> claim(OutboxKind kind, int limit, String owner, Duration lease) {
        Instant now = clock.instant();
        double nowSeconds = now.toEpochMilli() / 1000.0;
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select cast(o.id as varchar) from crm_outbox o "
                        + "where o.status = 'PENDING' and o.kind = ?1 and o.next_attempt_at <= to_timestamp(?2) "
                        + "and (o.lease_until is null or o.lease_until <= to_timestamp(?2)) "
                        + "and not exists (select 1 from crm_outbox e where e.external_id = o.external_id "
                        + "and e.status = 'PENDING' and e.created_at < o.created_at) "
                        + "order by o.created_at, o.id limit ?3 for update of o skip locked")
                .setParameter(1, kind.name())
                .setParameter(2, nowSeconds)
                .setParameter(3, limit)
                .getResultList();
        List<OutboxEntry> claimed = new ArrayList<>(ids.size());
        for (Object id : ids) {
            OutboxEntry entry = em.find(OutboxEntry.class, UUID.fromString(id.toString()));
            entry.lease(owner, now.plus(lease));
            claimed.add(entry);
        }
        return claimed;
    }

    /** Records the CRM's answers; a write another instance finished meanwhile is left as it is. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Map<UUID, Outcome> outcomes) {
        Instant now = clock.instant();
        outcomes.forEach((id, outcome) -> {
            OutboxEntry entry = em.find(OutboxEntry.class, id);
            if (entry == null || entry.status() != OutboxStatus.PENDING) {
                return;
            }
            if (outcome instanceof Outcome.Delivered d) {
                entry.markDelivered(d.crmId(), now);
                deliveries.fire(new WriteDelivered(entry.kind(), entry.externalId(), d.crmId(), now));
            } else if (outcome instanceof Outcome.RetryLater r) {
                entry.retryLater(r.backoff(), r.code(), r.message(), now);
            } else if (outcome instanceof Outcome.Parked p) {
                entry.park(p.code(), p.message());
            } else {
                entry.release(now);
            }
        });
    }

    public record Page(List<OutboxEntry> items, long total) {
    }

    public Page list(OutboxStatus status, int page, int size) {
        String where = status == null ? "" : " where o.status = :status";
        var query = em.createQuery("select o from OutboxEntry o" + where + " order by o.createdAt desc, o.id",
                OutboxEntry.class);
        var count = em.createQuery("select count(o) from OutboxEntry o" + where, Long.class);
        if (status != null) {
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        return new Page(query.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult());
    }

    public Optional<OutboxEntry> find(UUID id) {
        return Optional.ofNullable(em.find(OutboxEntry.class, id));
    }

    @Transactional
    public OutboxEntry discard(UUID id) {
        OutboxEntry entry = locked(id);
        try {
            entry.discard();
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage(), Map.of("status", entry.status().name()));
        }
        return entry;
    }

    private OutboxEntry locked(UUID id) {
        OutboxEntry entry = em.find(OutboxEntry.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw ProblemException.notFound("CRM write " + id);
        }
        return entry;
    }
}
