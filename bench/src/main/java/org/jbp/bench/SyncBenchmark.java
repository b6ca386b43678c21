package org.jbp.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jbp.crm.CrmConnector;
import org.jbp.kernel.PlanId;
import org.jbp.crm.KpiFact;
import org.jbp.crm.KpiFactQuery;
import org.jbp.crm.PartnerAccount;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.jbp.crm.salesforce.SalesforceCrmConnector;
import org.jbp.crm.salesforce.SalesforceSettings;
import org.jbp.sync.control.ActualsCalculator;
import org.jbp.sync.control.ActualsCalculator.PlanScope;

/**
 * The KPI sync's CRM work at scale, outside Payara: the same plain-Java core the batch job runs
 * ({@link ActualsCalculator}: one batched aggregate query per KPI source for all plans' partners, then actuals per
 * plan) with the real connector against the simulator in a child process ({@link SyncBenchOrg}). Measures calls
 * against the lower bound, wall time with injected latency, peak heap of this JVM, an incremental run after
 * changes, and the naive way (one query per plan and KPI) on a sample, extrapolated.
 *
 * <p>Arguments: partners opportunities campaigns certifications latencyMs naiveSamplePlans changedPartners
 * changedPerPartner currencies. Defaults: 10000 1000000 20000 100000 20 200 100 100 single. With {@code multi}
 * the org is multi-currency with dated rates, plans are in USD, EUR and GBP in turn, and the money actuals are
 * converted as the job converts them; {@code both} runs a single- and then a multi-currency org and prints the
 * ratios.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    /** What one run measured, for the comparison of single- and multi-currency orgs. */
    private record Measured(long fullCalls, double fullSeconds, long fullHeap, long incCalls, double incSeconds,
                            long incHeap) {
    }

    public static void main(String[] args) throws Exception {
        String currencyMode = args.length > 8 ? args[8] : "single";
        if (!currencyMode.equals("both")) {
            run(args, currencyMode);
            return;
        }
        // one invocation, both orgs one after the other, so the ratios come from the same machine state
        Measured single = run(args, "single");
        Measured multi = run(args, "multi");
        System.out.printf("%nMULTI-CURRENCY (dated rates) / SINGLE-CURRENCY%n");
        System.out.printf("  full sync:   calls %d / %d = %.2f, time %.1f s / %.1f s = %.2f, peak heap %,d MB / %,d MB = %.2f%n",
                multi.fullCalls(), single.fullCalls(), (double) multi.fullCalls() / single.fullCalls(),
                multi.fullSeconds(), single.fullSeconds(), multi.fullSeconds() / single.fullSeconds(),
                multi.fullHeap() >> 20, single.fullHeap() >> 20, (double) multi.fullHeap() / single.fullHeap());
        System.out.printf("  incremental: calls %d / %d = %.2f, time %.1f s / %.1f s = %.2f, peak heap %,d MB / %,d MB = %.2f%n",
                multi.incCalls(), single.incCalls(), (double) multi.incCalls() / single.incCalls(),
                multi.incSeconds(), single.incSeconds(), multi.incSeconds() / single.incSeconds(),
                multi.incHeap() >> 20, single.incHeap() >> 20, (double) multi.incHeap() / single.incHeap());
    }

    private static Measured run(String[] args, String currencyMode) throws Exception {
        int partners = arg(args, 0, 10_000);
        int opportunities = arg(args, 1, 1_000_000);
        int campaigns = arg(args, 2, 20_000);
        int certifications = arg(args, 3, 100_000);
        int latency = arg(args, 4, 20);
        int naiveSample = arg(args, 5, 200);
        int changedPartners = arg(args, 6, 100);
        int changedPerPartner = arg(args, 7, 100);
        System.out.printf("%n==== %s-currency org ====%n", currencyMode);

        Process org = new ProcessBuilder(javaBin(), "-Xmx6g", "-cp", System.getProperty("java.class.path"),
                SyncBenchOrg.class.getName(), "" + partners, "" + opportunities, "" + campaigns, "" + certifications,
                currencyMode)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(org.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter in = new PrintWriter(org.getOutputStream(), true, StandardCharsets.UTF_8);
            long generating = System.nanoTime();
            String ready = out.readLine();
            if (ready == null || !ready.startsWith("READY ")) {
                throw new IllegalStateException("org did not start: " + ready);
            }
            System.out.printf("org generated in %.1f s: %,d partners, %,d opportunities, %,d campaigns, %,d certifications%n",
                    (System.nanoTime() - generating) / 1e9, partners, opportunities, campaigns, certifications);
            int port = Integer.parseInt(ready.substring(6).trim());
            command(in, out, "latency " + latency);
            KpiMapping mapping = KpiMappingLoader.loadDefault();
            Set<String> keys = new TreeSet<>(mapping.sources().keySet());
            SalesforceSettings settings = SalesforceSettings.builder()
                    .loginUrl("http://127.0.0.1:" + port + "/services/Soap/u/64.0")
                    .credentials("admin@jbp.demo", "demo").queryBatchSize(2000).build();
            LocalDate start = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1);
            LocalDate end = start.plusYears(1).minusDays(1);

            // full sync
            resetPeak();
            long t0 = System.nanoTime();
            List<PlanScope> plans = new ArrayList<>();
            long rows;
            long bound;
            long fullCalls;
            BigDecimal checksum;
            Instant mark = Instant.now();
            Map<String, Map<String, Long>> countsAfterFull;
            List<String> planCurrencies = currencyMode.equals("multi") ? List.of("USD", "EUR", "GBP") : List.of("USD");
            try (CrmConnector crm = new SalesforceCrmConnector(settings, mapping)) {
                List<PartnerAccount> accounts = crm.partnerAccounts();
                for (PartnerAccount a : accounts) {
                    plans.add(new PlanScope(PlanId.ofNullable(UUID.nameUUIDFromBytes(a.id().getBytes(StandardCharsets.UTF_8))), a.id(),
                            start, end, planCurrencies.get(plans.size() % planCurrencies.size())));
                }
                long[] counted = new long[2];
                checksum = sync(crm, mapping, keys, plans, accounts.size(), counted);
                rows = counted[0];
                // as the job's partners step: each plan partner's records per source, the next run's baseline
                countsAfterFull = crm.recordCounts(keys, partnerIdsOf(plans));
                // lower bound: login, the partner list in pages of 2,000, each source's rows in calls of 2,000
                bound = 1 + (accounts.size() + 1999) / 2000 + counted[1];
                fullCalls = crm.apiCallsUsed();
            }
            double fullSeconds = (System.nanoTime() - t0) / 1e9;
            long fullHeap = peakHeap();
            // lower bound: the partner list (1 per 2,000 accounts) plus, per source, its rows ÷ 2,000, plus login
            System.out.printf("%nFULL SYNC (%,d active plans, one per partner, period %s..%s, %d KPI sources)%n",
                    plans.size(), start, end, keys.size());
            System.out.printf("  fact rows returned: %,d; calls: %d (login included); lower bound: %d; ratio %.2f%n",
                    rows, fullCalls, bound, (double) fullCalls / bound);
            System.out.printf("  wall time with %d ms latency per call: %.1f s; peak heap of this JVM: %,d MB (max %,d MB)%n",
                    latency, fullSeconds, fullHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("  checksum of all period actuals: %s%n", checksum);

            // incremental after changes
            String changed = command(in, out, "change " + changedPartners + " " + changedPerPartner);
            resetPeak();
            long t1 = System.nanoTime();
            long incCalls;
            int touchedPlans;
            Map<PlanId, Map<String, BigDecimal>> incremental;
            Map<String, Set<String>> touched;
            try (CrmConnector crm = new SalesforceCrmConnector(settings, mapping)) {
                crm.currencies();   // the job compares the rates with those it converted with
                crm.partnerAccountsChangedSince(mark);
                touched = new HashMap<>(crm.partnersTouchedSince(keys, mark));
                // partners whose record count changed: deals moved away from them
                Map<String, Map<String, Long>> counts = crm.recordCounts(keys, partnerIdsOf(plans));
                Set<String> bySystemModstamp = new TreeSet<>();
                touched.values().forEach(bySystemModstamp::addAll);
                Set<String> byCount = new TreeSet<>();
                for (String key : keys) {
                    for (PlanScope plan : plans) {
                        if (!counts.get(key).getOrDefault(plan.partnerId(), 0L)
                                .equals(countsAfterFull.get(key).getOrDefault(plan.partnerId(), 0L))) {
                            byCount.add(plan.partnerId());
                        }
                    }
                }
                System.out.printf("  partners with changed records: %d; with a changed record count: %d%n",
                        bySystemModstamp.size(), byCount.size());
                for (String key : keys) {
                    Set<String> changedOfKey = new TreeSet<>(touched.get(key));
                    for (PlanScope plan : plans) {
                        if (!counts.get(key).getOrDefault(plan.partnerId(), 0L)
                                .equals(countsAfterFull.get(key).getOrDefault(plan.partnerId(), 0L))) {
                            changedOfKey.add(plan.partnerId());
                        }
                    }
                    touched.put(key, changedOfKey);
                }
                incremental = incrementalSync(crm, mapping, touched, plans);
                touchedPlans = incremental.size();
                incCalls = crm.apiCallsUsed();
            }
            double incSeconds = (System.nanoTime() - t1) / 1e9;
            long incHeap = peakHeap();
            System.out.printf("%nINCREMENTAL after %s (%d partners x %d opportunities)%n", changed, changedPartners,
                    changedPerPartner);
            touched.forEach((key, partnersOfKey) -> System.out.printf("  %-26s %,5d partners changed%n", key,
                    partnersOfKey.size()));
            System.out.printf("  plans recomputed: %d; calls: %d (login + changed partners + change queries + facts);"
                    + " wall time: %.1f s; peak heap: %,d MB%n", touchedPlans, incCalls, incSeconds, incHeap >> 20);
            // not measured: the recomputed values equal those of each source read on its own for the same plans
            command(in, out, "latency 0");
            try (CrmConnector crm = new SalesforceCrmConnector(settings, mapping)) {
                int differing = 0;
                for (PlanScope plan : plans) {
                    Map<String, BigDecimal> got = incremental.get(plan.planId());
                    if (got == null) {
                        continue;
                    }
                    List<KpiFact> facts = new ArrayList<>();
                    for (String key : keys) {
                        if (touched.get(key).contains(plan.partnerId())) {
                            facts.addAll(crm.kpiFacts(KpiFactQuery.forPartners(Set.of(key), Set.of(plan.partnerId()),
                                    plan.start(), plan.end())));
                        }
                    }
                    Set<String> read = new TreeSet<>(keys);
                    read.removeIf(k -> !touched.get(k).contains(plan.partnerId()));
                    Map<String, BigDecimal> alone = converted(crm, mapping, plan, facts, read);
                    if (!sameValues(alone, got)) {
                        differing++;
                    }
                }
                System.out.printf("  check: %d of %d recomputed plans differ from each source read alone%n",
                        differing, touchedPlans);
            }
            command(in, out, "latency " + latency);

            // naive: one query per plan and KPI source, on a sample
            resetPeak();
            long t2 = System.nanoTime();
            long naiveCalls;
            List<PlanScope> sample = plans.subList(0, Math.min(naiveSample, plans.size()));
            try (CrmConnector crm = new SalesforceCrmConnector(settings, mapping)) {
                for (PlanScope plan : sample) {
                    List<KpiFact> facts = new ArrayList<>();
                    for (String key : keys) {
                        facts.addAll(crm.kpiFacts(KpiFactQuery.forPartners(Set.of(key), Set.of(plan.partnerId()),
                                plan.start(), plan.end())));
                    }
                    ActualsCalculator.compute(plan, facts, keys);
                }
                naiveCalls = crm.apiCallsUsed();
            }
            double naiveSeconds = (System.nanoTime() - t2) / 1e9;
            double scale = (double) plans.size() / sample.size();
            System.out.printf("%nNAIVE (one query per plan per KPI) on %d plans: %d calls, %.1f s;"
                            + " extrapolated to %,d plans: %,.0f calls, %,.0f s%n", sample.size(), naiveCalls,
                    naiveSeconds, plans.size(), naiveCalls * scale, naiveSeconds * scale);
            System.out.printf("  ratios naive/batched: calls %.0fx, time %.0fx%n", naiveCalls * scale / fullCalls,
                    naiveSeconds * scale / fullSeconds);
            command(in, out, "quit");
            return new Measured(fullCalls, fullSeconds, fullHeap, incCalls, incSeconds, incHeap);
        } finally {
            org.destroy();
        }
    }

    private static Set<String> partnerIdsOf(List<PlanScope> plans) {
        Set<String> ids = new TreeSet<>();
        plans.forEach(p -> ids.add(p.partnerId()));
        return ids;
    }

    /** A plan's actuals with its money facts in its currency, as the job's actuals step converts them. */
    private static Map<String, BigDecimal> converted(CrmConnector crm, KpiMapping mapping, PlanScope plan,
                                                     List<KpiFact> facts, Set<String> keys) {
        org.jbp.crm.CurrencyRates rates = crm.currencies();
        Set<String> money = new TreeSet<>();
        Set<String> dated = new TreeSet<>();
        mapping.sources().forEach((key, source) -> {
            if (source.unit() == org.jbp.crm.mapping.KpiSource.Unit.CURRENCY) {
                money.add(key);
                if (ActualsCalculator.convertsAtDatedRates(source)) {
                    dated.add(key);
                }
            }
        });
        return ActualsCalculator.compute(plan, facts, keys, money, ActualsCalculator.rateOf(rates,
                plan.currency(), dated, new HashMap<>()));
    }

    /** What the job's facts and actuals steps do: one batched query per source, actuals per plan. */
    private static BigDecimal sync(CrmConnector crm, KpiMapping mapping, Set<String> keys, List<PlanScope> plans,
                                   int knownPartners, long[] rows) {
        Map<String, List<KpiFact>> byPartner = new HashMap<>();
        for (String key : keys) {
            List<KpiFact> facts = crm.kpiFacts(ActualsCalculator.query(key, plans, knownPartners));
            rows[0] += facts.size();
            rows[1] += (facts.size() + 1999) / 2000;
            for (KpiFact f : facts) {
                byPartner.computeIfAbsent(f.partnerId(), p -> new ArrayList<>()).add(f);
            }
            System.out.printf("  %-26s %,7d rows, %4d calls so far%n", key, facts.size(), crm.apiCallsUsed());
        }
        BigDecimal checksum = BigDecimal.ZERO;
        for (PlanScope plan : plans) {
            Map<String, BigDecimal> values = converted(crm, mapping, plan, byPartner.getOrDefault(plan.partnerId(),
                    List.of()), keys);
            for (String key : keys) {
                checksum = checksum.add(values.get(key));
            }
        }
        return checksum;
    }

    /**
     * What the job's facts and actuals steps do in an incremental run: the sources of one object together, each
     * only for the plans whose partner changed in it; per plan, the values of the sources re-read.
     */
    private static Map<PlanId, Map<String, BigDecimal>> incrementalSync(CrmConnector crm, KpiMapping mapping,
                                                                     Map<String, Set<String>> touched,
                                                                     List<PlanScope> plans) {
        Map<String, List<KpiFact>> byPartner = new HashMap<>();
        for (List<String> unit : ActualsCalculator.fetchUnits(mapping, true)) {
            Map<Set<String>, Set<String>> keysByPartners = new HashMap<>();
            unit.forEach(k -> keysByPartners.computeIfAbsent(touched.get(k), p -> new TreeSet<>()).add(k));
            keysByPartners.forEach((partnersOfKeys, sameKeys) -> {
                List<PlanScope> affected = plans.stream().filter(p -> partnersOfKeys.contains(p.partnerId())).toList();
                if (!affected.isEmpty()) {
                    for (KpiFact f : crm.kpiFacts(ActualsCalculator.query(sameKeys, affected, plans.size()))) {
                        byPartner.computeIfAbsent(f.partnerId(), p -> new ArrayList<>()).add(f);
                    }
                }
            });
            System.out.printf("  %-70s %4d calls so far%n", String.join(",", unit), crm.apiCallsUsed());
        }
        Map<PlanId, Map<String, BigDecimal>> values = new HashMap<>();
        for (PlanScope plan : plans) {
            Set<String> read = new TreeSet<>();
            touched.forEach((key, partnersOfKey) -> {
                if (partnersOfKey.contains(plan.partnerId())) {
                    read.add(key);
                }
            });
            if (!read.isEmpty()) {
                values.put(plan.planId(), converted(crm, mapping, plan, byPartner.getOrDefault(plan.partnerId(),
                        List.of()), read));
            }
        }
        return values;
    }

    private static boolean sameValues(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    private static String command(PrintWriter in, BufferedReader out, String command) throws Exception {
        in.println(command);
        StringBuilder reply = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("OK") || line.startsWith("BYE")) {
                break;
            }
            reply.append(line);
        }
        return reply.toString();
    }

    private static void resetPeak() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String javaBin() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
