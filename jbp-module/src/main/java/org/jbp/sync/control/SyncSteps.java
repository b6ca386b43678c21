package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.math.BigDecimal;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CurrencyRates;
import org.jbp.crm.CrmException;
import org.jbp.crm.KpiFact;
import org.jbp.crm.PartnerAccount;
import org.jbp.crm.PartnerChanges;
import org.jbp.kpi.control.KpiActuals;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.sync.control.ActualsCalculator.PlanScope;
import org.jbp.sync.entity.SyncMode;
import org.jbp.sync.entity.SyncPhase;
import org.jbp.sync.entity.SyncRun;
import org.jbp.sync.entity.SyncStatus;
import org.jbp.kernel.PlanId;

/**
 * The work of each step of the sync job. Every method locks the run row, checks that the run is still this
 * instance's (a run taken over elsewhere stops here) and moves the run's checkpoint in the same transaction as
 * the data it covers, so a crash at any point resumes exactly after the last committed item. Each runs in a
 * transaction of its own: the batch runtime's chunk transaction already holds its (non-XA) job repository, and
 * the run's own checkpoint, not the runtime's, is what a resumption reads.
 */
@ApplicationScoped
public class SyncSteps {

    static final String SOURCE = "SYNC";
    static final String BY = "crm-sync";
    static final String PARTNERS = "partners";
    static final String QUERY_TIMEOUT = "QUERY_TIMEOUT";
    private static final Logger LOG = Logger.getLogger(SyncSteps.class.getName());

    @Inject
    SyncRuns runs;
    @Inject
    SyncStore store;
    @Inject
    SyncConnectors connectors;
    @Inject
    SyncLauncher launcher;
    @Inject
    SyncLease lease;
    @Inject
    PartnerRepository partners;
    @Inject
    KpiActuals actuals;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.sync.watermark-overlap", defaultValue = "PT1M")
    Duration watermarkOverlap;
    /** The share of the org's daily API limit one run may use. */
    @Inject
    @ConfigProperty(name = "jbp.sync.api-share", defaultValue = "0.10")
    double apiShare;

    /** The hook for alert evaluation after the actuals step (the kpi feature registers it). */
    @Inject
    jakarta.enterprise.inject.Instance<SyncObserver> observers;
    /** Further CRM state read for the synced plans (the incentive feature reads fund request statuses). */
    @Inject
    jakarta.enterprise.inject.Instance<SyncReadBack> readBacks;

    /** Step 1: partners and tiers; for an incremental run also which partners' KPI records changed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void partners(UUID runId) {
        SyncRun run = own(runId);
        if (!run.enter(SyncPhase.PARTNERS, 0)) {
            return;
        }
        CrmConnector crm = connectors.forRun(runId);
        // Salesforce's clock, not ours: records stamped by Salesforce between our clock and its are not skipped
        run.takeWatermarkCandidate(crm.serverTime().minus(watermarkOverlap));
        Set<String> sourceKeys = sourceKeys();
        Optional<Instant> sourcesSince = oldestWatermark(sourceKeys);
        if (run.mode() == SyncMode.INCREMENTAL && sourcesSince.isEmpty()) {
            LOG.info("sync run " + runId + ": no completed run to continue from, doing a full sync");
            run.widenToFull();
        }
        if (run.mode() == SyncMode.INCREMENTAL && !store.currenciesUnchanged(crm.currencies())) {
            // a new rate changes the corporate sums of every partner with records in that currency and every
            // plan's conversion, which no record's SystemModstamp shows
            LOG.info("sync run " + runId + ": the org's exchange rates changed, doing a full sync");
            run.widenToFull();
        }
        Optional<Instant> partnersSince = run.mode() == SyncMode.INCREMENTAL ? store.watermark(PARTNERS) : Optional.empty();
        List<PartnerAccount> accounts;
        Instant partnerMark;
        if (partnersSince.isPresent()) {
            PartnerChanges changes = crm.partnerAccountsChangedSince(partnersSince.get());
            accounts = changes.partners();
            partnerMark = changes.watermark();
        } else {
            accounts = crm.partnerAccounts();
            partnerMark = accounts.stream().map(PartnerAccount::lastModified).max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
        }
        run.enter(SyncPhase.PARTNERS, accounts.size());
        Instant now = clock.instant();
        for (PartnerAccount account : accounts) {
            PartnerAccountId id = PartnerAccountId.of(account.id());
            String tier = account.tier().orElse("None");
            Optional<Partner> known = partners.find(id);
            if (known.isPresent()) {
                known.get().describe(account.name(), tier, account.partnerType().orElse(null),
                        account.ownerId().orElse(null), account.region().orElse(null), now);
            } else {
                partners.add(new Partner(id, account.name(), tier, account.partnerType().orElse(null),
                        account.ownerId().orElse(null), account.region().orElse(null), now));
            }
        }
        run.progressed(accounts.size(), null);
        store.saveWatermark(PARTNERS, partnerMark);
        Set<String> planPartners = new TreeSet<>();
        store.eligiblePlans(Optional.empty()).forEach(p -> planPartners.add(p.partnerId()));
        Map<String, Map<String, Long>> counts = planPartners.isEmpty() ? Map.of()
                : crm.recordCounts(sourceKeys, planPartners);
        Map<String, Map<String, Long>> countsBefore = store.recordCountsBefore(runId);
        store.stageRecordCounts(runId, counts);
        if (run.mode() == SyncMode.INCREMENTAL) {
            // per source, not their union: a partner whose opportunities changed is not re-read for campaigns
            Map<String, Set<String>> touched = new HashMap<>(crm.partnersTouchedSince(sourceKeys, sourcesSince.get()));
            // a record moved from partner A to B changed under B's id only; A holds fewer records than before
            for (String key : sourceKeys) {
                Map<String, Long> countNow = counts.getOrDefault(key, Map.of());
                Map<String, Long> before = countsBefore.getOrDefault(key, Map.of());
                Set<String> changed = new HashSet<>(touched.getOrDefault(key, Set.of()));
                for (String partner : planPartners) {
                    if (!countNow.getOrDefault(partner, 0L).equals(before.getOrDefault(partner, 0L))) {
                        changed.add(partner);
                    }
                }
                touched.put(key, changed);
            }
            // a plan activated since the last run has no actuals yet, though its partner's records may not change
            Set<String> neverSynced = store.partnersOfPlansNeverSynced(SOURCE);
            if (!neverSynced.isEmpty()) {
                for (String key : sourceKeys) {
                    Set<String> partnersOfKey = new HashSet<>(touched.getOrDefault(key, Set.of()));
                    partnersOfKey.addAll(neverSynced);
                    touched.put(key, partnersOfKey);
                }
            }
            store.recordTouched(runId, touched);
        }
        accountCalls(run, runId);
        run.enter(SyncPhase.FACTS, fetchUnits(run).size());
    }

    /**
     * Step 2, on opening: the units of source keys still to fetch (comma-separated keys, see
     * {@link ActualsCalculator#fetchUnits}), all after the checkpoint, or none when past it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> sourcesToFetch(UUID runId) {
        SyncRun run = own(runId);
        List<List<String>> units = fetchUnits(run);
        if (!run.enter(SyncPhase.FACTS, units.size())) {
            return List.of();
        }
        String after = run.checkpoint();
        return units.stream().filter(unit -> after == null || unit.get(0).compareTo(after) > 0)
                .map(unit -> String.join(",", unit)).toList();
    }

    /**
     * Step 2, per unit of sources: batched aggregate queries for the partners of all plans the run serves (the
     * connector cuts them into ≤2,000-row calls), the facts staged for the actuals step. An incremental run asks
     * each source only for the plans whose partner changed in that source.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fetch(UUID runId, String unit) {
        SyncRun run = own(runId);
        List<String> keys = List.of(unit.split(","));
        List<PlanScope> eligible = store.eligiblePlans(touchedScope(run));
        // sources that changed for the same partners are asked together; a full run asks for every plan's partner
        Map<Optional<Set<String>>, List<String>> keysByPartners = new LinkedHashMap<>();
        for (String key : keys) {
            Optional<Set<String>> changedFor = run.mode() == SyncMode.INCREMENTAL
                    ? Optional.of(store.touchedPartners(runId, key)) : Optional.empty();
            keysByPartners.computeIfAbsent(changedFor, p -> new ArrayList<>()).add(key);
        }
        Map<String, List<KpiFact>> factsByKey = new HashMap<>();
        keys.forEach(k -> factsByKey.put(k, new ArrayList<>()));
        keysByPartners.forEach((changedFor, sameKeys) -> {
            List<PlanScope> plans = changedFor.map(partners -> eligible.stream()
                    .filter(p -> partners.contains(p.partnerId())).toList()).orElse(eligible);
            if (plans.isEmpty()) {
                return;
            }
            // by month, and by day for the partners with a plan whose quarters start mid-month; each query's facts
            // only for its own partners (an all-partners query answers for others too)
            ActualsCalculator.queries(new TreeSet<>(sameKeys), plans, store.partnerCount()).forEach((query, partners) ->
                    connectors.forRun(runId).kpiFacts(query).stream().filter(f -> partners.contains(f.partnerId()))
                            .forEach(f -> factsByKey.get(f.sourceKey()).add(f)));
        });
        for (String key : keys) {
            store.replaceFacts(runId, key, factsByKey.get(key));
        }
        run.progressed(1, keys.get(0));
        accountCalls(run, runId);
    }

    /** Step 3, on opening: the plans still to compute, in id order after the checkpoint. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PlanScope> plansToCompute(UUID runId) {
        return plansStillTo(SyncPhase.ACTUALS, own(runId));
    }

    /** The run's plans (all eligible, or an incremental run's touched ones) the phase has not done yet. */
    private List<PlanScope> plansStillTo(SyncPhase phase, SyncRun run) {
        List<PlanScope> plans = store.eligiblePlans(touchedScope(run));
        if (!run.enter(phase, plans.size())) {
            return List.of();
        }
        String after = run.checkpoint();
        return after == null ? plans
                : plans.stream().filter(p -> p.planId().toString().compareTo(after) > 0).toList();
    }

    /**
     * Step 3, per chunk of plans: actuals from the staged facts; only changed values are stored. An incremental
     * run records only the metrics of the sources it re-read for the plan's partner; the others stay as they are.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void compute(UUID runId, List<PlanScope> plans) {
        SyncRun run = own(runId);
        Set<String> partnerIds = new HashSet<>();
        plans.forEach(p -> partnerIds.add(p.partnerId()));
        List<KpiFact> facts = store.facts(runId, partnerIds);
        Set<String> keys = sourceKeys();
        Map<String, Set<String>> touched = run.mode() == SyncMode.INCREMENTAL
                ? store.touchedSources(runId, partnerIds) : Map.of();
        String last = run.checkpoint();
        // money facts arrive in the org's corporate currency; each plan gets them in its own
        CurrencyRates rates = connectors.forRun(runId).currencies();
        store.saveCurrencies(rates);
        Set<String> money = moneySources();
        Set<String> dated = new HashSet<>();
        money.forEach(key -> {
            if (ActualsCalculator.convertsAtDatedRates(connectors.mapping().requireSource(key))) {
                dated.add(key);
            }
        });
        for (PlanScope plan : plans) {
            List<KpiFact> own = facts.stream().filter(f -> f.partnerId().equals(plan.partnerId())).toList();
            Set<String> read = new HashSet<>(run.mode() == SyncMode.INCREMENTAL
                    ? touched.getOrDefault(plan.partnerId(), Set.of()) : keys);
            String currency = plan.currency() == null ? rates.corporate() : plan.currency();
            Optional<BigDecimal> rate = rates.rateTo(currency);
            java.util.SortedMap<java.time.YearMonth, BigDecimal> monthRates = new java.util.TreeMap<>();
            java.util.function.Function<KpiFact, BigDecimal> rateOf = fact -> rate.orElse(BigDecimal.ONE);
            if (rate.isEmpty()) {
                // a plan in a currency the org does not have (made before its currencies were known): its money
                // actuals keep their last values rather than being shown in the wrong currency
                LOG.warning("plan " + plan.planId() + " is in " + currency + ", which the org does not have "
                        + rates.codes() + "; its money actuals are not updated");
                read.removeAll(money);
            } else {
                store.recordRate(plan.planId(), rates.corporate(), currency, rate.get());
                rateOf = ActualsCalculator.rateOf(rates, currency, dated, monthRates);
            }
            actuals.recordAll(plan.planId(), ActualsCalculator.compute(plan, own, read, money, rateOf), SOURCE, BY,
                    metric -> ActualsCalculator.belongsTo(metric, read));
            if (rate.isPresent() && rates.dated() && read.stream().anyMatch(dated::contains)) {
                store.recordMonthRates(plan.planId(), rates.corporate(), currency, monthRates);
            }
            last = plan.planId().toString();
        }
        run.progressed(plans.size(), last);
    }

    /**
     * Step 4, on opening: the plans whose alerts and milestones the run judges, in id order after the checkpoint.
     * They follow the actuals: an incremental run judges only the plans whose partners it re-read; pace moves with
     * the calendar, so the daily full run judges every plan.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<PlanScope> plansToJudge(UUID runId) {
        return plansStillTo(SyncPhase.ALERTS, own(runId));
    }

    /**
     * Step 4, per chunk of plans: their alerts and milestones, in the chunk's own transaction. One transaction for
     * all of them made a first full sync of 5,000 plans outlast the transaction timeout: every query in it makes
     * EclipseLink compare all that the transaction holds, which grows with each alert opened (bench/README.md).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void judge(UUID runId, List<PlanScope> plans) {
        SyncRun run = own(runId);
        if (plans.isEmpty()) {
            return;
        }
        List<PlanId> planIds = plans.stream().map(PlanScope::planId).toList();
        for (SyncObserver observer : observers) {
            observer.actualsSynced(planIds);
        }
        run.progressed(plans.size(), planIds.get(planIds.size() - 1).toString());
    }

    /** Step 5: the read-backs, then the run is complete and its watermarks become the next run's start. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(UUID runId) {
        SyncRun run = own(runId);
        List<PlanId> planIds = store.eligiblePlans(Optional.empty()).stream().map(PlanScope::planId).toList();
        for (SyncReadBack readBack : readBacks) {
            readBack.readBack(connectors.forRun(runId), planIds);
        }
        Instant mark = run.watermarkCandidate();
        if (mark != null) {
            for (String key : sourceKeys()) {
                store.saveWatermark(key, mark);
            }
        }
        store.clearStaging(runId);
        store.keepRecordCountsOf(runId);
        accountCalls(run, runId);
        run.complete(clock.instant());
        // the lease goes with the run's end, in one commit: a start asked for the moment the run shows COMPLETED
        // is not refused for a run that has ended
        lease.release(runId, launcher.instanceId());
    }

    /** Records a failure of this execution; the daily limit gets its own status so the next run resumes. */
    public void failed(UUID runId, Throwable error) {
        SyncStatus why = SyncStatus.FAILED;
        String text = String.valueOf(error);
        if (error instanceof CrmException crm) {
            if (crm.kind() == CrmException.Kind.LIMIT_REACHED || crm.kind() == CrmException.Kind.BUDGET_USED) {
                // the org's limit and the run's own share of it both stop the run resumably
                why = SyncStatus.LIMIT_REACHED;
            } else if (QUERY_TIMEOUT.equals(crm.statusCode())) {
                // the connector splits what it can; this one it could not, and sending it again takes as long
                why = SyncStatus.QUERY_TIMEOUT;
                text = "Salesforce stopped a query that cannot be split for running too long. Make it selective (an "
                        + "indexed filter in the KPI mapping, or a custom index on its filter fields), then resume "
                        + "the run. " + crm.getMessage();
            }
        }
        runs.stop(runId, launcher.instanceId(), why, text, connectors.takeCalls(runId), connectors.usageOf(runId));
    }

    /** The calls and query splits of the step onto the run record. */
    private void accountCalls(SyncRun run, UUID runId) {
        run.usedCalls(connectors.takeCalls(runId));
        run.splitQueries(connectors.takeQuerySplits(runId));
    }

    private SyncRun own(UUID runId) {
        SyncRun run = runs.lock(runId);
        if (!launcher.instanceId().equals(run.instance()) || run.status() != SyncStatus.RUNNING) {
            throw new IllegalStateException("sync run " + runId + " is no longer this instance's to run");
        }
        // each step starts within the run's share of the org's daily limit, or the run stops there (resumably)
        Optional<org.jbp.crm.ApiUsage> usage = connectors.forRun(runId).apiUsage();
        usage.ifPresent(u -> run.orgBudget(u.used(), u.limit()));
        Optional<String> over = ApiShare.exceeded(run.apiCalls() + connectors.pendingCalls(runId), usage, apiShare);
        if (over.isPresent()) {
            throw ApiShare.refusal(over.get());
        }
        // and within the step the connector asks before every request it sends, so the run stops at the request
        // that would pass its share, not after the operation around it
        connectors.limit(runId, ApiShare.of(() -> run.apiCalls() + connectors.pendingCalls(runId), apiShare));
        lease.renew(runId, launcher.instanceId(), launcher.leaseTtl());
        return run;
    }

    private Optional<UUID> touchedScope(SyncRun run) {
        return run.mode() == SyncMode.INCREMENTAL ? Optional.of(run.id()) : Optional.empty();
    }

    private List<List<String>> fetchUnits(SyncRun run) {
        return ActualsCalculator.fetchUnits(connectors.mapping(), run.mode() == SyncMode.INCREMENTAL);
    }

    private Set<String> moneySources() {
        Set<String> money = new HashSet<>();
        connectors.mapping().sources().forEach((key, source) -> {
            if (source.unit() == org.jbp.crm.mapping.KpiSource.Unit.CURRENCY) {
                money.add(key);
            }
        });
        return money;
    }

    private Set<String> sourceKeys() {
        return new TreeSet<>(connectors.mapping().sources().keySet());
    }

    private Optional<Instant> oldestWatermark(Set<String> keys) {
        Map<String, Instant> marks = store.watermarks();
        Instant oldest = null;
        for (String key : keys) {
            Instant mark = marks.get(key);
            if (mark == null) {
                return Optional.empty();
            }
            oldest = oldest == null || mark.isBefore(oldest) ? mark : oldest;
        }
        return Optional.ofNullable(oldest);
    }
}
