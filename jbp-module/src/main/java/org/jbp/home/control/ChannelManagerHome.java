package org.jbp.home.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.jbp.approval.entity.StepKind;
import org.jbp.approval.entity.StepStatus;
import org.jbp.kpi.control.KpiActuals;
import org.jbp.kpi.control.KpiDashboards;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanContents;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.kernel.PlanId;
import org.jbp.kpi.entity.KpiAlertStatus;
import org.jbp.plan.entity.ReviewStatus;

/**
 * A channel manager's day across their partners: attainment and pace per plan, open alerts, reviews due this week
 * or overdue, plans waiting on the partner's acceptance, and plans ending soon with no next cycle. Who sees which
 * plans and the tier, region and status filters are one JPQL clause, applied in PostgreSQL to every list; each
 * list says how many rows match in all, so a page is never mistaken for the whole.
 */
@RequestScoped
public class ChannelManagerHome {

    /** Tier, region (case-insensitive, null for any) and plan status of the partner lines; a page of them. */
    public record Filter(String tier, String region, PlanStatus status, int offset, int limit) {
    }

    public record PlanRef(String planId, String title, String partnerAccountId, String partnerName, String tier,
                          String region, String status, LocalDate periodStart, LocalDate periodEnd) {
        /** By the plan alone, as {@link Listed#hashCode()}: every line of the home holds one. */
        @Override
        public int hashCode() {
            return planId.hashCode();
        }

        static PlanRef of(BusinessPlan plan, Partner partner) {
            return new PlanRef(plan.id().toString(), plan.title(), plan.partner().value(),
                    partner == null ? null : partner.name(), partner == null ? null : partner.tier(),
                    partner == null ? null : partner.region(), plan.status().name(), plan.period().start(),
                    plan.period().end());
        }
    }

    /** One row of the heat table: attainment per KPI key, the mean, and the worst pace status. */
    public record PartnerLine(PlanRef plan, Map<String, BigDecimal> attainmentByKpi, BigDecimal attainmentPercent,
                              String pace, int openAlerts) {
        /** By the plan alone, as {@link Listed#hashCode()}. */
        @Override
        public int hashCode() {
            return plan.hashCode();
        }
    }

    public record AlertLine(PlanRef plan, String alertId, String kpiKey, String message, java.time.Instant openedAt) {
    }

    public record ReviewLine(PlanRef plan, String reviewId, LocalDate dueDate, boolean overdue) {
    }

    /**
     * A list and how many rows match in all. JSON-B (Yasson) puts every object it writes into a hash set on the way
     * down to detect cycles, and a record's own hash code walks all it holds: a home of 100 lines was hashed whole
     * at each level it nests, 17% of the home's time (issue 16). These records hash by one field, which equal
     * records share, so equality stays a record's.
     */
    public record Listed<T>(List<T> items, long total) {
        @Override
        public int hashCode() {
            return Long.hashCode(total);
        }
    }

    public record Home(LocalDate asOf, Listed<PartnerLine> partners, List<String> kpiKeys, Listed<AlertLine> openAlerts,
                       Listed<ReviewLine> reviewsDue, Listed<PlanRef> waitingOnPartner,
                       Listed<PlanRef> endingWithoutNextCycle) {
        /** As {@link Listed#hashCode()}: not the whole home on every level JSON-B writes. */
        @Override
        public int hashCode() {
            return asOf.hashCode();
        }
    }

    private static final int LIST_LIMIT = 100;
    /**
     * What a {@link PlanRef} shows, for the lists that show nothing else of the plan: not the whole row, whose content,
     * baseline and closing report a line never reads (issue 16).
     */
    private static final String REF_COLUMNS = "select p.id, p.title, p.partner, pa.name, pa.tier, pa.region, p.status,"
            + " p.period.start, p.period.end";
    private static final int REF_WIDTH = 9;
    /** Plans ending within weeks are few; their successors are looked up in one query. */
    private static final int ENDING_SCAN_LIMIT = 2_000;

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    PlanAccess access;
    @Inject
    PlanContents contents;
    @Inject
    KpiDashboards dashboards;
    @Inject
    KpiActuals actuals;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.home.ending-soon-days", defaultValue = "45")
    int endingSoonDays;

    public Home of(Filter filter) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Scope scope = new Scope(filter);

        Listed<Object[]> active = scope.list("select p, pa", "", Map.of("lineStatus", filter.status()),
                " and p.status = :lineStatus", " order by lower(coalesce(pa.name, '')), p.period.start desc",
                filter.offset(), filter.limit());
        Map<PlanId, Long> alertCounts = openAlertCounts(active.items());
        // the page's actuals in one query, not one per line
        Map<PlanId, Map<String, BigDecimal>> currentActuals = actuals.current(
                active.items().stream().map(r -> ((BusinessPlan) r[0]).id()).toList());
        Set<String> keys = new java.util.TreeSet<>();
        List<PartnerLine> lines = active.items().stream().map(row -> {
            BusinessPlan plan = contents.attach((BusinessPlan) row[0]);
            KpiDashboards.Dashboard d = dashboards.summary(plan, currentActuals.getOrDefault(plan.id(), Map.of()));
            Map<String, BigDecimal> byKpi = new LinkedHashMap<>();
            for (KpiDashboards.Line line : d.headline()) {
                byKpi.put(line.key(), line.attainmentPercent());
                keys.add(line.key());
            }
            return new PartnerLine(PlanRef.of(plan, (Partner) row[1]), byKpi, d.meanAttainment(), d.worstPace().name(),
                    alertCounts.getOrDefault(plan.id(), 0L).intValue());
        }).toList();

        Listed<Object[]> alerts = scope.list(REF_COLUMNS + ", a.id, a.kpiKey, a.message, a.openedAt", ", KpiAlert a",
                Map.of("open", KpiAlertStatus.OPEN, "active", PlanStatus.ACTIVE),
                " and a.planId = p.id and a.status = :open and p.status = :active", " order by a.openedAt desc",
                0, LIST_LIMIT);
        Listed<Object[]> reviews = scope.list(REF_COLUMNS + ", r.id, r.dueDate", ", Review r",
                Map.of("scheduled", ReviewStatus.SCHEDULED, "weekEnd", today.plusDays(7), "active", PlanStatus.ACTIVE),
                " and r.planId = p.id and r.status = :scheduled and r.dueDate <= :weekEnd and p.status = :active",
                " order by r.dueDate", 0, LIST_LIMIT);
        Listed<Object[]> waiting = scope.list(REF_COLUMNS, ", ApprovalStep s",
                Map.of("pending", StepStatus.PENDING, "acceptance", StepKind.ACCEPTANCE),
                " and s.planId = p.id and s.status = :pending and s.kind = :acceptance", " order by s.openedAt",
                0, LIST_LIMIT);
        List<Object[]> ending = withoutNextCycle(scope.list(REF_COLUMNS, "", Map.of("active", PlanStatus.ACTIVE),
                " and p.status = :active and p.period.end >= " + dateLiteral(today) + " and p.period.end <= "
                        + dateLiteral(today.plusDays(endingSoonDays)),
                " order by p.period.end", 0, ENDING_SCAN_LIMIT).items());

        return new Home(today, new Listed<>(lines, active.total()), List.copyOf(keys),
                new Listed<>(alerts.items().stream().map(r -> new AlertLine(ref(r), r[REF_WIDTH].toString(),
                        (String) r[REF_WIDTH + 1], (String) r[REF_WIDTH + 2], (java.time.Instant) r[REF_WIDTH + 3]))
                        .toList(), alerts.total()),
                new Listed<>(reviews.items().stream().map(r -> {
                    LocalDate due = (LocalDate) r[REF_WIDTH + 1];
                    return new ReviewLine(ref(r), r[REF_WIDTH].toString(), due, due.isBefore(today));
                }).toList(), reviews.total()),
                new Listed<>(waiting.items().stream().map(ChannelManagerHome::ref).toList(), waiting.total()),
                new Listed<>(ending.stream().limit(LIST_LIMIT).map(ChannelManagerHome::ref).toList(), ending.size()));
    }

    /**
     * The plans the caller sees (every plan for admins and approvers, their own and their partners' for a
     * channel manager, their account's for a partner user) with the filters, as the from/where of each query.
     */
    private final class Scope {
        private final StringBuilder where = new StringBuilder();
        private final Map<String, Object> params = new HashMap<>();

        Scope(Filter filter) {
            where.append(access.listConditions(filter.tier(), filter.region(), params));
        }

        /**
         * The page and, in the same statement, how many rows match in all ({@code count(*) over ()} is computed
         * before PostgreSQL applies the limit); a second statement only for a page past the end, which has no row to
         * carry the total. The select's columns come first in each row, the total last.
         */
        Listed<Object[]> list(String select, String moreFrom, Map<String, Object> more, String moreWhere,
                              String order, int offset, int limit) {
            String from = " from BusinessPlan p left join Partner pa on pa.accountId = p.partner" + moreFrom
                    + " where 1 = 1" + where + moreWhere;
            TypedQuery<Object[]> page = readOnly(em.createQuery(select + ", SQL('count(*) over ()')" + from + order,
                    Object[].class));
            bind(page, more);
            List<Object[]> rows = page.setFirstResult(offset).setMaxResults(limit).getResultList();
            if (rows.isEmpty()) {
                if (offset == 0) {
                    return new Listed<>(rows, 0);
                }
                TypedQuery<Long> count = readOnly(em.createQuery("select count(p)" + from, Long.class));
                bind(count, more);
                return new Listed<>(rows, count.getSingleResult());
            }
            long total = ((Number) rows.get(0)[rows.get(0).length - 1]).longValue();
            return new Listed<>(rows, total);
        }

        private void bind(TypedQuery<?> query, Map<String, Object> more) {
            params.forEach(query::setParameter);
            more.forEach(query::setParameter);
        }
    }

    /**
     * The home is a read model: nothing on this path changes what it reads, so EclipseLink builds no managed copy
     * of each row (9.1% of the home's time, issue 16). {@link PlanContents#attach} sets only the transient parsed
     * content.
     */
    private static <T> TypedQuery<T> readOnly(TypedQuery<T> query) {
        return query.setHint(QueryHints.READ_ONLY, HintValues.TRUE);
    }

    /**
     * Drops the candidates whose partner already has what comes next: any plan of the same partner (not rejected)
     * that starts after the candidate ends, whether "next cycle" made it (its period is the one right after) or
     * someone created it directly.
     */
    private List<Object[]> withoutNextCycle(List<Object[]> candidates) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Set<PartnerAccountId> partners = new HashSet<>();
        candidates.forEach(r -> partners.add((PartnerAccountId) r[2]));
        Map<PartnerAccountId, LocalDate> latestStart = new HashMap<>();
        for (Object[] row : readOnly(em.createQuery("select n.partner, max(n.period.start) from BusinessPlan n "
                        + "where n.partner in :partners and n.status <> :rejected group by n.partner", Object[].class))
                .setParameter("partners", partners).setParameter("rejected", PlanStatus.REJECTED).getResultList()) {
            latestStart.put((PartnerAccountId) row[0], (LocalDate) row[1]);
        }
        return candidates.stream().filter(r -> {
            LocalDate next = latestStart.get((PartnerAccountId) r[2]);
            return next == null || !next.isAfter((LocalDate) r[REF_WIDTH - 1]);
        }).toList();
    }

    private Map<PlanId, Long> openAlertCounts(List<Object[]> rows) {
        Set<PlanId> ids = new HashSet<>();
        rows.forEach(r -> ids.add(((BusinessPlan) r[0]).id()));
        Map<PlanId, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        for (Object[] row : readOnly(em.createQuery("select a.planId, count(a) from KpiAlert a where a.status = :open "
                        + "and a.planId in :ids group by a.planId", Object[].class))
                .setParameter("open", KpiAlertStatus.OPEN).setParameter("ids", ids).getResultList()) {
            counts.put((PlanId) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * A date written into the statement, not bound. The JDBC driver prepares a statement on the server after a few
     * executions, and PostgreSQL may then keep a generic plan, which estimates a bound date range as a handful of
     * rows (PostgreSQL documentation, PREPARE, "plan_cache_mode"). In December every yearly plan ends within the
     * window: at 50,000 plans the generic plan walked all ACTIVE plans of the org by period end and dropped other
     * managers' (4,300 blocks) where a plan that knows the dates reads the manager's through the scope's indexes
     * (400 blocks; V19). The text changes once a day; the value is the server's own date, never the caller's input.
     */
    private static String dateLiteral(LocalDate date) {
        return "SQL('DATE ''" + date + "''')";
    }

    /** The line of a row that starts with {@link #REF_COLUMNS}. */
    private static PlanRef ref(Object[] row) {
        PlanStatus status = (PlanStatus) row[6];
        return new PlanRef(row[0].toString(), (String) row[1], ((PartnerAccountId) row[2]).value(), (String) row[3],
                (String) row[4], (String) row[5], status.name(), (LocalDate) row[7], (LocalDate) row[8]);
    }
}
