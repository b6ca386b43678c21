package org.jbp.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;

/**
 * The benchmark's org in a process of its own, so the sync's heap is measured without the org's: generates the
 * org, prints {@code READY <port>}, then obeys one command per line on stdin: {@code latency <ms>},
 * {@code change <partners> <perPartner>} (moves that many won opportunities of the first partners into this
 * year's first quarter with a new amount, and one opportunity of each of the next partners to the first partner),
 * {@code calls}, {@code quit}. A fifth argument {@code multi} makes the org multi-currency (USD corporate, EUR and
 * GBP) with advanced currency management (a dated rate per month for three years) and every third opportunity in
 * EUR or GBP.
 */
public final class SyncBenchOrg {

    private SyncBenchOrg() {
    }

    private static void multiCurrency(SalesforceSimulator sim) {
        sim.org().multiCurrency("USD", Map.of("EUR", 0.9, "GBP", 0.8));
        LocalDate first = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).minusYears(2);
        for (int month = 0; month < 36; month++) {
            sim.org().datedRate("EUR", first.plusMonths(month), 0.85 + (month % 7) / 100.0);
            sim.org().datedRate("GBP", first.plusMonths(month), 0.75 + (month % 5) / 100.0);
        }
        // as if entered in that currency: the record keeps its partner and its last-modified stamps
        List<Map<String, Object>> opps = sim.org().query("SELECT Id, PartnerAccountId, SystemModstamp FROM Opportunity");
        for (int i = 0; i < opps.size(); i += 3) {
            Map<String, Object> opp = opps.get(i);
            Map<String, Object> fields = new java.util.HashMap<>();
            fields.put("CurrencyIsoCode", i % 2 == 0 ? "EUR" : "GBP");
            fields.put("PartnerAccountId", opp.get("PartnerAccountId"));
            fields.put("LastModifiedDate", opp.get("SystemModstamp"));
            fields.put("SystemModstamp", opp.get("SystemModstamp"));
            sim.org().update((String) opp.get("Id"), fields);
        }
    }

    /**
     * Up to {@code perPartner} opportunities of each partner become won in this year's first quarter with a new
     * amount (a change the next incremental sync sees by their SystemModstamp); returns how many changed.
     */
    static int winDeals(Org org, List<String> partners, int perPartner) {
        int changed = 0;
        LocalDate day = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).plusDays(10);
        for (String partner : partners) {
            for (Map<String, Object> opp : org.query("SELECT Id FROM Opportunity WHERE PartnerAccountId = '" + partner
                    + "' LIMIT " + perPartner)) {
                org.update((String) opp.get("Id"), Map.of("Amount", BigDecimal.valueOf(12_345),
                        "StageName", "Closed Won", "CloseDate", day));
                changed++;
            }
        }
        return changed;
    }

    public static void main(String[] args) throws Exception {
        int partners = Integer.parseInt(args[0]);
        int opportunities = Integer.parseInt(args[1]);
        int campaigns = Integer.parseInt(args[2]);
        int certifications = Integer.parseInt(args[3]);
        try (SalesforceSimulator sim = SalesforceSimulator.start(SimulatorConfig.builder().port(0).build())) {
            OrgGenerator.Generated org = OrgGenerator.generate(sim.org(),
                    GeneratorSpec.of(partners, opportunities, campaigns, certifications, 42));
            if (args.length > 4 && args[4].equals("multi")) {
                multiCurrency(sim);
            }
            System.out.println("READY " + sim.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cmd = line.trim().split("\\s+");
                switch (cmd[0]) {
                    case "latency" -> sim.faults().latencyMillis(Long.parseLong(cmd[1]));
                    case "calls" -> { }
                    case "change" -> {
                        int n = Integer.parseInt(cmd[1]);
                        int per = Integer.parseInt(cmd[2]);
                        int changed = winDeals(sim.org(), org.partnerIds().subList(0, n), per);
                        // deals that change hands: only the partner they moved to sees a new SystemModstamp
                        for (String from : org.partnerIds().subList(n, Math.min(2 * n, org.partnerIds().size()))) {
                            List<Map<String, Object>> opps = sim.org().query(
                                    "SELECT Id FROM Opportunity WHERE PartnerAccountId = '" + from + "' LIMIT 1");
                            for (Map<String, Object> opp : opps) {
                                sim.org().update((String) opp.get("Id"), Map.of("PartnerAccountId",
                                        org.partnerIds().get(0)));
                                changed++;
                            }
                        }
                        System.out.println("CHANGED " + changed);
                    }
                    case "quit" -> {
                        System.out.println("BYE");
                        return;
                    }
                    default -> System.out.println("UNKNOWN " + line);
                }
                System.out.println("OK " + sim.apiCallCount());
                System.out.flush();
            }
        }
    }
}
