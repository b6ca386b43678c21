package org.jbp.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jbp.crm.CrmWrite;
import org.jbp.crm.WriteResult;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.jbp.crm.salesforce.SalesforceCrmConnector;
import org.jbp.crm.salesforce.SalesforceSettings;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;

/**
 * CRM write-back cost: n tier changes and n fund requests delivered to the Salesforce simulator through the real
 * connector, batched the way the module's outbox delivery batches them (each round: up to {@code batch} writes of
 * every kind in one {@code CrmConnector.apply}, which sends at most 200 records per call). Runs outside Payara and
 * without the outbox table: it measures calls and CRM time, not the database's claim/record transactions.
 * <p>
 * Prints, per latency setting, the API calls by operation against the lower bound of ceil(n/200) write calls per
 * object, and the elapsed time. Args: {@code [n=5000] [latencyMillis=20] [batch=200]}.
 */
public final class WriteBackBenchmark {

    private WriteBackBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        long latency = args.length > 1 ? Long.parseLong(args[1]) : 20;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        System.out.printf("write-back benchmark: %,d tier changes + %,d fund requests, outbox batch %d per kind%n",
                n, n, batch);
        run(n, 0, batch);
        run(n, latency, batch);
    }

    private static void run(int n, long latencyMillis, int batch) {
        try (SalesforceSimulator sim = SalesforceSimulator.start(SimulatorConfig.builder().port(0).build())) {
            var generated = OrgGenerator.generate(sim.org(), GeneratorSpec.of(n, 0, 0, 0, 42));
            List<String> partners = generated.partnerIds();
            List<CrmWrite> tiers = new ArrayList<>();
            List<CrmWrite> funds = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String partner = partners.get(i % partners.size());
                tiers.add(new CrmWrite.TierChange(partner, i % 2 == 0 ? "Gold" : "Platinum", "jbp-tier-bench-" + i));
                funds.add(new CrmWrite.FundRequestUpsert("jbp-mdf-bench-" + i, "Bench campaign " + i,
                        BigDecimal.valueOf(1_000 + i), "USD", Optional.empty(), partner, Optional.empty(),
                        "WEBINAR", "Draft"));
            }
            sim.faults().latencyMillis(latencyMillis);
            sim.resetApiCallCount();
            SalesforceSettings settings = SalesforceSettings.builder().loginUrl(sim.soapEndpoint())
                    .credentials("admin@jbp.demo", "demo").build();
            long start = System.nanoTime();
            int delivered = 0;
            int failed = 0;
            try (SalesforceCrmConnector crm = new SalesforceCrmConnector(settings, KpiMappingLoader.loadDefault())) {
                for (int from = 0; from < n; from += batch) {
                    List<CrmWrite> round = new ArrayList<>(tiers.subList(from, Math.min(n, from + batch)));
                    round.addAll(funds.subList(from, Math.min(n, from + batch)));
                    for (WriteResult r : crm.apply(round)) {
                        if (r.isSuccess()) {
                            delivered++;
                        } else {
                            failed++;
                        }
                    }
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Map<String, Long> byOperation = new TreeMap<>(sim.apiCalls().byOperation());
            long writeCalls = byOperation.getOrDefault("update", 0L) + byOperation.getOrDefault("upsert", 0L);
            long lowerBound = 2L * ((n + 199) / 200);
            System.out.printf("latency %3d ms: delivered %,d, failed %d, %.1f s; API calls %d %s; write calls %d "
                            + "(lower bound %d = 2 x ceil(%d/200)); records in org: %,d fund requests%n",
                    latencyMillis, delivered, failed, took.toMillis() / 1000.0, sim.apiCallCount(), byOperation,
                    writeCalls, lowerBound, n, sim.org().count("PartnerFundRequest"));
        }
    }
}
