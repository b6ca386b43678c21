package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.crm.KpiFact;
import org.jbp.sync.control.ActualsCalculator.PlanScope;
import org.jbp.kernel.PlanId;

/**
 * The sync's working tables in SQL: which plans it serves, the facts a run fetched (so a restart does not fetch
 * them again), the partners an incremental run recomputes, and the watermarks per source.
 * Joins the caller's transaction; the batch steps decide the transaction boundaries.
 */
@ApplicationScoped
public class SyncStore {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.sync.closed-grace-period", defaultValue = "P30D")
    Duration closedGrace;

    /**
     * The plans a sync keeps current: ACTIVE ones, and CLOSED ones closed within the grace period
     * (late CRM entries still land in the period-end figures). Ordered by id, the actuals step's checkpoint order.
     */
    public List<PlanScope> eligiblePlans(Optional<UUID> touchedByRun) {
        String sql = "select p.id, p.partner_account_id, p.period_start, p.period_end, p.currency from business_plan p "
                + "where (p.status = 'ACTIVE' or (p.status = 'CLOSED' and p.closed_at >= ?1))"
                + (touchedByRun.isPresent()
                ? " and p.partner_account_id in (select distinct t.partner_id from sync_touched t where t.run_id = cast(?2 as uuid))" : "")
                + " order by p.id";
        var query = em.createNativeQuery(sql)
                .setParameter(1, Timestamp.from(clock.instant().minus(closedGrace)));
        touchedByRun.ifPresent(run -> query.setParameter(2, run.toString()));
        List<PlanScope> plans = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            plans.add(new PlanScope(new PlanId(uuid(r[0])), (String) r[1], localDate(r[2]), localDate(r[3]),
                    r[4] == null ? null : r[4].toString().trim()));
        }
        return plans;
    }

    /**
     * Partners with an eligible plan that no sync has computed yet (no actual from {@code syncSource}): a plan
     * activated since the last run. A plan whose every KPI is still zero stores nothing and stays in this set, so
     * incremental runs keep re-reading its partner's sources; that is a few partners, merged into the same queries.
     */
    public Set<String> partnersOfPlansNeverSynced(String syncSource) {
        Set<String> partners = new HashSet<>();
        for (Object row : em.createNativeQuery("select distinct p.partner_account_id from business_plan p "
                        + "where (p.status = 'ACTIVE' or (p.status = 'CLOSED' and p.closed_at >= ?1)) "
                        + "and not exists (select 1 from kpi_actual a where a.plan_id = p.id and a.source = ?2)")
                .setParameter(1, Timestamp.from(clock.instant().minus(closedGrace)))
                .setParameter(2, syncSource).getResultList()) {
            partners.add((String) row);
        }
        return partners;
    }

    public int partnerCount() {
        return ((Number) em.createNativeQuery("select count(*) from partner").getSingleResult()).intValue();
    }

    public void replaceFacts(UUID runId, String sourceKey, Collection<KpiFact> facts) {
        em.createNativeQuery("delete from sync_fact where run_id = cast(?1 as uuid) and source_key = ?2")
                .setParameter(1, runId.toString()).setParameter(2, sourceKey).executeUpdate();
        // multi-row inserts: one statement per 500 facts instead of one per fact
        List<KpiFact> all = new ArrayList<>(facts);
        for (int from = 0; from < all.size(); from += 500) {
            List<KpiFact> slice = all.subList(from, Math.min(all.size(), from + 500));
            StringBuilder sql = new StringBuilder(
                    "insert into sync_fact (run_id, source_key, partner_id, year, month, day, breakdown, value) values ");
            int p = 1;
            for (int i = 0; i < slice.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(cast(?").append(p++).append(" as uuid),?").append(p++)
                        .append(",?").append(p++).append(",?").append(p++).append(",?").append(p++)
                        .append(",?").append(p++).append(",?").append(p++).append(",?").append(p++).append(")");
            }
            var insert = em.createNativeQuery(sql.toString());
            p = 1;
            for (KpiFact fact : slice) {
                insert.setParameter(p++, runId.toString()).setParameter(p++, fact.sourceKey())
                        .setParameter(p++, fact.partnerId()).setParameter(p++, fact.month().getYear())
                        .setParameter(p++, fact.month().getMonthValue()).setParameter(p++, fact.day())
                        .setParameter(p++, fact.breakdown().orElse(""))
                        .setParameter(p++, fact.value());
            }
            insert.executeUpdate();
        }
    }

    /** Replaces the stored currencies of the org with those just read. */
    public void saveCurrencies(org.jbp.crm.CurrencyRates rates) {
        em.createNativeQuery("delete from org_currency").executeUpdate();
        Timestamp now = Timestamp.from(clock.instant());
        rates.rates().forEach((code, rate) -> em.createNativeQuery(
                        "insert into org_currency (iso_code, rate, corporate, read_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, code).setParameter(2, rate).setParameter(3, code.equals(rates.corporate()))
                .setParameter(4, now).executeUpdate());
        em.createNativeQuery("delete from org_currency_dated").executeUpdate();
        rates.datedRates().forEach((code, byDay) -> byDay.forEach((day, rate) -> em.createNativeQuery(
                        "insert into org_currency_dated (iso_code, start_date, rate) values (?1, ?2, ?3)")
                .setParameter(1, code).setParameter(2, java.sql.Date.valueOf(day)).setParameter(3, rate)
                .executeUpdate()));
    }

    /**
     * Whether the org's rates are those the last computation converted with (none recorded yet counts as the same:
     * nothing was converted). A changed rate changes the corporate sums Salesforce returns and every conversion.
     */
    public boolean currenciesUnchanged(org.jbp.crm.CurrencyRates now) {
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("select iso_code, rate, corporate from org_currency").getResultList();
        if (stored.isEmpty()) {
            return true;
        }
        Map<String, BigDecimal> rates = new java.util.HashMap<>();
        String corporate = null;
        for (Object[] r : stored) {
            rates.put(r[0].toString().trim(), (BigDecimal) r[1]);
            corporate = Boolean.TRUE.equals(r[2]) ? r[0].toString().trim() : corporate;
        }
        Map<String, BigDecimal> dated = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery("select iso_code, start_date, rate from org_currency_dated").getResultList()) {
            Object[] r = (Object[]) row;
            dated.put(r[0].toString().trim() + "@" + r[1], (BigDecimal) r[2]);
        }
        Map<String, BigDecimal> datedNow = new java.util.HashMap<>();
        now.datedRates().forEach((code, byDay) -> byDay.forEach((day, rate) ->
                datedNow.put(code + "@" + java.sql.Date.valueOf(day), rate)));
        return now.corporate().equals(corporate) && sameValues(rates, now.rates()) && sameValues(dated, datedNow);
    }

    private static boolean sameValues(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        return a.keySet().equals(b.keySet())
                && a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    /**
     * The record counts per source and partner that the last completed run read (see
     * {@link org.jbp.crm.CrmConnector#recordCounts}); stages of runs that never completed are dropped first.
     */
    public Map<String, Map<String, Long>> recordCountsBefore(UUID runId) {
        em.createNativeQuery("delete from sync_record_count where run_id <> cast(?1 as uuid) and run_id not in "
                + "(select id from sync_run where status = 'COMPLETED')").setParameter(1, runId.toString()).executeUpdate();
        Map<String, Map<String, Long>> counts = new java.util.HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select source_key, partner_id, records from sync_record_count "
                + "where run_id <> cast(?1 as uuid)").setParameter(1, runId.toString()).getResultList();
        for (Object[] r : rows) {
            counts.computeIfAbsent((String) r[0], k -> new java.util.HashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return counts;
    }

    /** Stages this run's record counts; they become the baseline when the run completes. */
    public void stageRecordCounts(UUID runId, Map<String, Map<String, Long>> counts) {
        em.createNativeQuery("delete from sync_record_count where run_id = cast(?1 as uuid)")
                .setParameter(1, runId.toString()).executeUpdate();
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((key, byPartner) -> byPartner.forEach((partner, n) -> rows.add(new Object[]{key, partner, n})));
        for (int from = 0; from < rows.size(); from += 500) {
            List<Object[]> slice = rows.subList(from, Math.min(rows.size(), from + 500));
            StringBuilder sql = new StringBuilder("insert into sync_record_count (run_id, source_key, partner_id, records) values ");
            for (int i = 0; i < slice.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(cast(?1 as uuid),?").append(2 + 3 * i).append(",?")
                        .append(3 + 3 * i).append(",?").append(4 + 3 * i).append(")");
            }
            var insert = em.createNativeQuery(sql.toString()).setParameter(1, runId.toString());
            for (int i = 0; i < slice.size(); i++) {
                insert.setParameter(2 + 3 * i, slice.get(i)[0]).setParameter(3 + 3 * i, slice.get(i)[1])
                        .setParameter(4 + 3 * i, slice.get(i)[2]);
            }
            insert.executeUpdate();
        }
    }

    /** The completed run's counts are the baseline now: every other run's go. */
    public void keepRecordCountsOf(UUID runId) {
        em.createNativeQuery("delete from sync_record_count where run_id <> cast(?1 as uuid)")
                .setParameter(1, runId.toString()).executeUpdate();
    }

    /** Records the rate a plan's money actuals were converted with, when it differs from the one recorded. */
    public void recordRate(PlanId planId, String from, String to, BigDecimal rate) {
        List<?> current = em.createNativeQuery("select rate from plan_fx_rate where plan_id = cast(?1 as uuid) "
                + "and from_currency = ?2 and to_currency = ?3").setParameter(1, planId.toString())
                .setParameter(2, from).setParameter(3, to).getResultList();
        if (!current.isEmpty() && ((BigDecimal) current.get(0)).compareTo(rate) == 0) {
            return;
        }
        em.createNativeQuery("delete from plan_fx_rate where plan_id = cast(?1 as uuid)")
                .setParameter(1, planId.toString()).executeUpdate();
        em.createNativeQuery("insert into plan_fx_rate (plan_id, from_currency, to_currency, rate, recorded_at) "
                        + "values (cast(?1 as uuid), ?2, ?3, ?4, ?5)").setParameter(1, planId.toString())
                .setParameter(2, from).setParameter(3, to).setParameter(4, rate)
                .setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
    }

    /**
     * Records the rate each month's money actuals of a plan were converted with, where the org has dated rates;
     * the months the last computation used replace those recorded before.
     */
    public void recordMonthRates(PlanId planId, String from, String to,
                                 java.util.SortedMap<java.time.YearMonth, BigDecimal> rates) {
        em.createNativeQuery("delete from plan_fx_rate_month where plan_id = cast(?1 as uuid)")
                .setParameter(1, planId.toString()).executeUpdate();
        Timestamp now = Timestamp.from(clock.instant());
        rates.forEach((month, rate) -> em.createNativeQuery("insert into plan_fx_rate_month (plan_id, month, "
                        + "from_currency, to_currency, rate, recorded_at) values (cast(?1 as uuid), ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, planId.toString()).setParameter(2, java.sql.Date.valueOf(month.atDay(1)))
                .setParameter(3, from).setParameter(4, to).setParameter(5, rate).setParameter(6, now).executeUpdate());
    }

    /** The facts a run fetched for the given partners. */
    public List<KpiFact> facts(UUID runId, Set<String> partnerIds) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        List<KpiFact> facts = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select source_key, partner_id, year, month, breakdown, value, day "
                        + "from sync_fact where run_id = cast(?1 as uuid) and partner_id = any (string_to_array(?2, ','))")
                .setParameter(1, runId.toString()).setParameter(2, String.join(",", partnerIds)).getResultList();
        for (Object[] r : rows) {
            facts.add(new KpiFact((String) r[0], (String) r[1], java.time.YearMonth.of(((Number) r[2]).intValue(),
                    ((Number) r[3]).intValue()), Optional.ofNullable((String) r[4]).filter(b -> !b.isEmpty()), (BigDecimal) r[5], 0,
                    ((Number) r[6]).intValue()));
        }
        return facts;
    }

    /** Per source key, the partners whose records of that source changed: what an incremental run recomputes. */
    public void recordTouched(UUID runId, Map<String, Set<String>> partnersBySource) {
        em.createNativeQuery("delete from sync_touched where run_id = cast(?1 as uuid)").setParameter(1, runId.toString()).executeUpdate();
        List<String[]> rows = new ArrayList<>();
        partnersBySource.forEach((source, partners) -> new HashSet<>(partners)
                .forEach(partner -> rows.add(new String[]{source, partner})));
        for (int from = 0; from < rows.size(); from += 500) {
            List<String[]> slice = rows.subList(from, Math.min(rows.size(), from + 500));
            StringBuilder sql = new StringBuilder("insert into sync_touched (run_id, source_key, partner_id) values ");
            for (int i = 0; i < slice.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(cast(?1 as uuid),?").append(2 + 2 * i).append(",?")
                        .append(3 + 2 * i).append(")");
            }
            var insert = em.createNativeQuery(sql.toString()).setParameter(1, runId.toString());
            for (int i = 0; i < slice.size(); i++) {
                insert.setParameter(2 + 2 * i, slice.get(i)[0]).setParameter(3 + 2 * i, slice.get(i)[1]);
            }
            insert.executeUpdate();
        }
    }

    /** The partners an incremental run recomputes for one source key. */
    public Set<String> touchedPartners(UUID runId, String sourceKey) {
        Set<String> partners = new HashSet<>();
        for (Object row : em.createNativeQuery("select partner_id from sync_touched where run_id = cast(?1 as uuid) "
                + "and source_key = ?2").setParameter(1, runId.toString()).setParameter(2, sourceKey).getResultList()) {
            partners.add((String) row);
        }
        return partners;
    }

    /** For the given partners, the source keys an incremental run recomputes for each. */
    public Map<String, Set<String>> touchedSources(UUID runId, Set<String> partnerIds) {
        Map<String, Set<String>> sources = new java.util.HashMap<>();
        if (partnerIds.isEmpty()) {
            return sources;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select partner_id, source_key from sync_touched "
                        + "where run_id = cast(?1 as uuid) and partner_id = any (string_to_array(?2, ','))")
                .setParameter(1, runId.toString()).setParameter(2, String.join(",", partnerIds)).getResultList();
        for (Object[] r : rows) {
            sources.computeIfAbsent((String) r[0], p -> new java.util.TreeSet<>()).add((String) r[1]);
        }
        return sources;
    }

    /** Staged data of a finished run is not needed any more. */
    public void clearStaging(UUID runId) {
        em.createNativeQuery("delete from sync_fact where run_id = cast(?1 as uuid)").setParameter(1, runId.toString()).executeUpdate();
        em.createNativeQuery("delete from sync_touched where run_id = cast(?1 as uuid)").setParameter(1, runId.toString()).executeUpdate();
    }

    public Optional<Instant> watermark(String source) {
        List<?> rows = em.createNativeQuery("select watermark from sync_watermark where source = ?1")
                .setParameter(1, source).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(instant(rows.get(0)));
    }

    public void saveWatermark(String source, Instant watermark) {
        em.createNativeQuery("insert into sync_watermark (source, watermark, updated_at) values (?1, ?2, ?3) "
                        + "on conflict (source) do update set watermark = excluded.watermark, updated_at = excluded.updated_at")
                .setParameter(1, source).setParameter(2, Timestamp.from(watermark))
                .setParameter(3, Timestamp.from(clock.instant())).executeUpdate();
    }

    public Map<String, Instant> watermarks() {
        Map<String, Instant> all = new java.util.TreeMap<>();
        for (Object row : em.createNativeQuery("select source, watermark from sync_watermark").getResultList()) {
            Object[] r = (Object[]) row;
            all.put((String) r[0], instant(r[1]));
        }
        return all;
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((Date) value).toLocalDate();
    }

    static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
