package org.jbp.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jbp.outbox.entity.OutboxEntry;
import org.jbp.outbox.entity.OutboxRetry;
import org.jbp.outbox.entity.OutboxStatus;
import org.jbp.platform.ProblemException;

/**
 * The admin's side of writes that stopped: which ones need a hand (FAILED, or PENDING and backing off after an
 * error), and sending them again, each retry recorded with who did it and the error it answered. A retry takes
 * the write's row lock, so two admins retrying at once send it once (the second is told it is already due), and
 * a write a delivery pass holds under its lease is left to that pass rather than released into a second send.
 */
@ApplicationScoped
public class OutboxRetries {

    /** At most this many writes are sent again by one "retry all"; the answer says how many still wait. */
    static final int RETRY_ALL_LIMIT = 500;

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    Clock clock;

    public record Page(List<OutboxEntry> items, long total, Map<UUID, Long> retries) {
    }

    public record RetriedAll(int retried, long stillWaiting) {
    }

    /**
     * Why {@code write} cannot be sent again at {@code now}, or empty when it can: only a FAILED write or one
     * waiting out its backoff is worth retrying; one due already goes with the next pass anyway.
     */
    public static Optional<String> refusal(OutboxEntry write, Instant now) {
        if (write.status() == OutboxStatus.DELIVERED || write.status() == OutboxStatus.DISCARDED) {
            return Optional.of("A " + write.status() + " write is not sent again");
        }
        if (write.leaseUntil() != null && write.leaseUntil().isAfter(now)) {
            return Optional.of("The write is being delivered right now; its outcome is recorded when the CRM answers");
        }
        if (write.status() == OutboxStatus.PENDING && !write.nextAttemptAt().isAfter(now)) {
            return Optional.of("The write is already due; the next delivery pass sends it");
        }
        return Optional.empty();
    }

    /** FAILED writes first, then those backing off after an error; newest first within each. */
    public Page failures(int page, int size) {
        String where = " where o.status = :failed or (o.status = :pending and o.lastErrorCode is not null)";
        // the status column holds the enum's name: FAILED sorts before PENDING
        List<OutboxEntry> items = em.createQuery("select o from OutboxEntry o" + where
                        + " order by o.status, o.createdAt desc, o.id", OutboxEntry.class)
                .setParameter("failed", OutboxStatus.FAILED).setParameter("pending", OutboxStatus.PENDING)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(o) from OutboxEntry o" + where, Long.class)
                .setParameter("failed", OutboxStatus.FAILED).setParameter("pending", OutboxStatus.PENDING)
                .getSingleResult();
        return new Page(items, total, retryCounts(items.stream().map(OutboxEntry::id).toList()));
    }

    public Optional<OutboxEntry> find(UUID id) {
        return Optional.ofNullable(em.find(OutboxEntry.class, id));
    }

    public List<OutboxRetry> history(UUID writeId) {
        return em.createQuery("select r from OutboxRetry r where r.outboxId = :id order by r.retriedAt desc, r.id",
                OutboxRetry.class).setParameter("id", writeId).getResultList();
    }

    /** Sends one write again on the next pass and records that {@code by} did; 409 when it cannot be. */
    @Transactional
    public OutboxEntry retry(UUID id, String by) {
        OutboxEntry write = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (write == null) {
            throw ProblemException.notFound("CRM write " + id);
        }
        Instant now = clock.instant();
        Optional<String> refused = refusal(write, now);
        if (refused.isPresent()) {
            throw ProblemException.conflict(refused.get(), Map.of("status", write.status().name()));
        }
        requeue(write, by, now);
        return write;
    }

    /**
     * Sends every write that {@link #failures} lists and {@link #refusal} allows again, oldest first. Rows another
     * transaction holds (a retry or a claim in progress) are skipped rather than waited for.
     */
    @Transactional
    public RetriedAll retryAll(String by) {
        Instant now = clock.instant();
        double nowSeconds = now.toEpochMilli() / 1000.0;
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select cast(o.id as varchar) from crm_outbox o "
                        + "where (o.status = 'FAILED' or (o.status = 'PENDING' and o.last_error_code is not null "
                        + "and o.next_attempt_at > to_timestamp(?1))) "
                        + "and (o.lease_until is null or o.lease_until <= to_timestamp(?1)) "
                        + "order by o.created_at, o.id limit ?2 for update of o skip locked")
                .setParameter(1, nowSeconds).setParameter(2, RETRY_ALL_LIMIT).getResultList();
        int retried = 0;
        for (Object id : ids) {
            OutboxEntry write = em.find(OutboxEntry.class, UUID.fromString(id.toString()));
            if (refusal(write, now).isEmpty()) {
                requeue(write, by, now);
                retried++;
            }
        }
        long stillFailed = em.createQuery("select count(o) from OutboxEntry o where o.status = :failed", Long.class)
                .setParameter("failed", OutboxStatus.FAILED).getSingleResult();
        return new RetriedAll(retried, stillFailed);
    }

    private void requeue(OutboxEntry write, String by, Instant now) {
        em.persist(new OutboxRetry(write, by, now));
        write.requeue(now);
    }

    private Map<UUID, Long> retryCounts(List<UUID> writeIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (writeIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createQuery("select r.outboxId, count(r) from OutboxRetry r "
                + "where r.outboxId in :ids group by r.outboxId", Object[].class)
                .setParameter("ids", new ArrayList<>(writeIds)).getResultList();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
