package org.jbp.plan.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanComment;
import org.jbp.plan.entity.PlanRevision;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.kernel.PlanId;

/** Plans, their revisions and comments. Content JSON is parsed once per plan version ({@link PlanContents}). */
@ApplicationScoped
public class PlanRepository {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    PlanContents contents;

    /** What a plan list may be narrowed by; nulls mean "any". */
    public record PlanFilter(PartnerAccountId partner, PlanStatus status, Integer fiscalYear, Integer fiscalQuarter,
                             LocalDate activeOn, String ownerOrPartnerOwner, int offset, int limit) {
    }

    public void add(BusinessPlan plan) {
        em.persist(plan);
    }

    public Optional<BusinessPlan> find(PlanId id) {
        return Optional.ofNullable(em.find(BusinessPlan.class, id)).map(this::parsed);
    }

    /**
     * The plans among {@code ids} in one of {@code statuses}, content parsed, in one query and read-only (not
     * registered with the transaction): for judging many plans in one transaction, never for changing them.
     */
    public List<BusinessPlan> readOnly(java.util.Collection<PlanId> ids, java.util.Set<PlanStatus> statuses) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from BusinessPlan p where p.id in :ids and p.status in :statuses "
                        + "order by p.id", BusinessPlan.class).setParameter("ids", ids).setParameter("statuses", statuses)
                .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
                .getResultList().stream().map(this::parsed).toList();
    }

    /** A plan and its partner (empty when the partner row is gone). */
    public record WithPartner(BusinessPlan plan, Optional<Partner> partner) {
    }

    /**
     * The plan with its partner in one query: every read of a plan checks who owns its partner, which otherwise
     * costs a second query per request.
     */
    public Optional<WithPartner> findWithPartner(PlanId id) {
        return em.createQuery("select p, pa from BusinessPlan p left join Partner pa on pa.accountId = p.partner "
                        + "where p.id = :id", Object[].class).setParameter("id", id).getResultStream().findFirst()
                .map(row -> new WithPartner(parsed((BusinessPlan) row[0]), Optional.ofNullable((Partner) row[1])));
    }

    /**
     * Loads the plan for a change and holds its row until commit, so two saves of one plan run one after the
     * other and the second sees the first's version (and is refused by its If-Match) instead of racing it.
     */
    public Optional<BusinessPlan> findForUpdate(PlanId id) {
        return Optional.ofNullable(em.find(BusinessPlan.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(this::parsed);
    }

    /** Plans with their content parsed, for callers that read sections. */
    public List<BusinessPlan> search(PlanFilter filter) {
        return summaries(filter).stream().map(this::parsed).toList();
    }

    /** Plans for lists: the content JSON stays unparsed, since a summary shows none of it. */
    public List<BusinessPlan> summaries(PlanFilter filter) {
        return query("select p from BusinessPlan p where 1 = 1", filter, BusinessPlan.class).getResultList();
    }

    /** {@link #summaries} with each plan's partner, in the same query: a list shows the partner's name and tier. */
    public List<WithPartner> summariesWithPartners(PlanFilter filter) {
        return query("select p, pa from BusinessPlan p left join Partner pa on pa.accountId = p.partner where 1 = 1",
                filter, Object[].class).getResultList().stream()
                .map(row -> new WithPartner((BusinessPlan) row[0], Optional.ofNullable((Partner) row[1]))).toList();
    }

    private <T> TypedQuery<T> query(String select, PlanFilter filter, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select);
        Map<String, Object> params = new HashMap<>();
        if (filter.partner() != null) {
            jpql.append(" and p.partner = :partner");
            params.put("partner", filter.partner());
        }
        if (filter.status() != null) {
            jpql.append(" and p.status = :status");
            params.put("status", filter.status());
        }
        if (filter.fiscalYear() != null) {
            jpql.append(" and p.period.fiscalYear = :fy");
            params.put("fy", filter.fiscalYear());
        }
        if (filter.fiscalQuarter() != null) {
            jpql.append(" and p.period.fiscalQuarter = :fq");
            params.put("fq", filter.fiscalQuarter());
        }
        if (filter.activeOn() != null) {
            jpql.append(" and p.period.start <= :on and p.period.end >= :on");
            params.put("on", filter.activeOn());
        }
        if (filter.ownerOrPartnerOwner() != null) {
            jpql.append(" and (p.ownerId = :owner or p.partner in "
                    + "(select pa.accountId from Partner pa where pa.ownerId = :owner))");
            params.put("owner", filter.ownerOrPartnerOwner());
        }
        jpql.append(" order by p.period.start desc, p.createdAt desc");
        TypedQuery<T> query = em.createQuery(jpql.toString(), type);
        params.forEach(query::setParameter);
        return query.setFirstResult(filter.offset()).setMaxResults(filter.limit());
    }

    /** Writes pending changes now, so a concurrent edit surfaces here rather than at commit. */
    public void flush() {
        em.flush();
    }

    public void add(PlanRevision revision) {
        em.persist(revision);
    }

    public List<PlanRevision> revisions(PlanId planId) {
        return em.createQuery("select r from PlanRevision r where r.planId = :id order by r.number", PlanRevision.class)
                .setParameter("id", planId).getResultList();
    }

    public Optional<PlanRevision> revision(PlanId planId, int number) {
        return em.createQuery("select r from PlanRevision r where r.planId = :id and r.number = :n", PlanRevision.class)
                .setParameter("id", planId).setParameter("n", number).getResultStream().findFirst();
    }

    public void add(PlanComment comment) {
        em.persist(comment);
    }

    public Optional<PlanComment> comment(PlanId planId, UUID commentId) {
        return Optional.ofNullable(em.find(PlanComment.class, commentId)).filter(c -> c.planId().equals(planId));
    }

    public List<PlanComment> comments(PlanId planId) {
        return new ArrayList<>(em.createQuery(
                        "select c from PlanComment c where c.planId = :id order by c.createdAt, c.id", PlanComment.class)
                .setParameter("id", planId).getResultList());
    }

    private BusinessPlan parsed(BusinessPlan plan) {
        return contents.attach(plan);
    }
}
