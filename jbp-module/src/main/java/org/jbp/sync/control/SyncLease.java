package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one-run-at-a-time rule across instances, kept in PostgreSQL rather than in the Hazelcast cluster: the
 * database is the one thing every instance shares even when clustering is off or split. Taking the lease is a
 * single conditional UPDATE (row lock, re-checked after a concurrent commit), so of two contenders exactly one
 * wins. Times are the database's {@code now()}, so instance clocks (and the adjustable test clock) do not matter.
 */
@ApplicationScoped
public class SyncLease {

    static final String NAME = "kpi-sync";

    @PersistenceContext(unitName = "jbp")
    EntityManager em;

    /** The lease as stored: who holds it for which run, and whether it has run out. */
    public record State(String holder, UUID runId, Instant expiresAt, boolean expired) {
        public boolean isFree() {
            return runId == null || expired;
        }
    }

    /** Takes the lease for {@code runId} if it is free or expired. Joins the caller's transaction. */
    @Transactional
    public boolean acquire(UUID runId, String holder, Duration ttl) {
        return em.createNativeQuery("update sync_lease set holder = ?1, run_id = cast(?2 as uuid), "
                        + "expires_at = now() + make_interval(secs => ?3) "
                        + "where name = ?4 and (run_id is null or expires_at < now())")
                .setParameter(1, holder).setParameter(2, runId.toString()).setParameter(3, (double) ttl.toSeconds())
                .setParameter(4, NAME).executeUpdate() == 1;
    }

    /** Extends the lease; false when this holder lost it (expired and taken by another instance). */
    @Transactional
    public boolean renew(UUID runId, String holder, Duration ttl) {
        return em.createNativeQuery("update sync_lease set expires_at = now() + make_interval(secs => ?1) "
                        + "where name = ?2 and run_id = cast(?3 as uuid) and holder = ?4")
                .setParameter(1, (double) ttl.toSeconds()).setParameter(2, NAME).setParameter(3, runId.toString())
                .setParameter(4, holder).executeUpdate() == 1;
    }

    @Transactional
    public void release(UUID runId, String holder) {
        em.createNativeQuery("update sync_lease set run_id = null, holder = null, expires_at = now() "
                        + "where name = ?1 and run_id = cast(?2 as uuid) and holder = ?3")
                .setParameter(1, NAME).setParameter(2, runId.toString()).setParameter(3, holder).executeUpdate();
    }

    @Transactional
    public Optional<State> state() {
        List<?> rows = em.createNativeQuery("select holder, cast(run_id as varchar), expires_at, expires_at < now() "
                + "from sync_lease where name = ?1").setParameter(1, NAME).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new State((String) r[0], r[1] == null ? null : UUID.fromString((String) r[1]),
                SyncStore.instant(r[2]), Boolean.TRUE.equals(r[3])));
    }
}
