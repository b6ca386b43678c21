package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jbp.sync.entity.SyncMode;
import org.jbp.sync.entity.SyncRun;
import org.jbp.sync.entity.SyncStatus;

/** Run records: reading them, and the state changes the job makes outside its chunk transactions. */
@ApplicationScoped
public class SyncRuns {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    SyncLease lease;

    public Optional<SyncRun> find(UUID id) {
        return Optional.ofNullable(em.find(SyncRun.class, id));
    }

    /** The run row locked for this transaction, so progress of two executions never interleaves. */
    public SyncRun lock(UUID id) {
        SyncRun run = em.find(SyncRun.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw new IllegalStateException("sync run " + id + " does not exist");
        }
        return run;
    }

    public List<SyncRun> recent(int offset, int limit) {
        return em.createQuery("select r from SyncRun r order by r.startedAt desc", SyncRun.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** The newest run that the daily limit stopped and nothing has finished since: the next run resumes it. */
    public Optional<SyncRun> latestLimited() {
        return em.createQuery("select r from SyncRun r order by r.startedAt desc", SyncRun.class)
                .setMaxResults(1).getResultList().stream()
                .filter(r -> r.status() == SyncStatus.LIMIT_REACHED).findFirst();
    }

    public Optional<SyncRun> latestCompleted(Optional<SyncMode> mode) {
        return em.createQuery("select r from SyncRun r where r.status = :done order by r.endedAt desc", SyncRun.class)
                .setParameter("done", SyncStatus.COMPLETED).getResultList().stream()
                .filter(r -> mode.isEmpty() || r.mode() == mode.get()).findFirst();
    }

    public Optional<SyncRun> latestStarted(Optional<SyncMode> mode) {
        return em.createQuery("select r from SyncRun r order by r.startedAt desc", SyncRun.class)
                .setMaxResults(50).getResultList().stream()
                .filter(r -> mode.isEmpty() || r.mode() == mode.get()).findFirst();
    }

    /** The newest run that read the org's daily API usage and limit. */
    public Optional<SyncRun> latestWithBudget() {
        return em.createQuery("select r from SyncRun r where r.apiLimitToday is not null order by r.startedAt desc",
                SyncRun.class).setMaxResults(1).getResultStream().findFirst();
    }

    /** Runs recorded as RUNNING, whether or not an instance still works on them. */
    public List<SyncRun> running() {
        return em.createQuery("select r from SyncRun r where r.status = :running order by r.startedAt", SyncRun.class)
                .setParameter("running", SyncStatus.RUNNING).getResultList();
    }

    public void add(SyncRun run) {
        em.persist(run);
    }

    /** Records why an execution stopped, in its own transaction: the failing chunk's transaction rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void stop(UUID runId, String instance, SyncStatus why, String error, long calls,
                     java.util.Optional<org.jbp.crm.ApiUsage> orgUsage) {
        SyncRun run = lock(runId);
        if (!instance.equals(run.instance())) {
            // taken over by another instance meanwhile: its execution owns the record now
            return;
        }
        run.usedCalls(calls);
        // the failed step's own record of the budget rolled back with it; a run stopped for the budget shows it
        orgUsage.ifPresent(u -> run.orgBudget(u.used(), u.limit()));
        if (run.status() == SyncStatus.RUNNING) {
            run.stop(why, error, clock.instant());
            // let go of the lease in the transaction that ends the run: a run shown ended never still blocks the next
            lease.release(runId, instance);
        } else {
            run.noteError(error);
        }
    }
}
