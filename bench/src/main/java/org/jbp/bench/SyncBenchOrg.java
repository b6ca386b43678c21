package org.jbp.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;

/**
 * The benchmark's org in a process of its own, so the sync's heap is measured without the org's: generates the
 * org, prints {@code READY <port>}, then obeys one command per line on stdin: {@code latency <ms>},
 * {@code change <partners> <perPartner>} (moves that many won opportunities of the first partners into this
 * year's first quarter with a new amount), {@code calls}, {@code quit}.
 */
public final class SyncBenchOrg {

    private SyncBenchOrg() {
    }

    public static void main(String[] args) throws Exception {
        int partners = Integer.parseInt(args[0]);
        int opportunities = Integer.parseInt(args[1]);
        int campaigns = Integer.parseInt(args[2]);
        int certifications = Integer.parseInt(args[3]);
        try (SalesforceSimulator sim = SalesforceSimulator.start(SimulatorConfig.builder().port(0).build())) {
            OrgGenerator.Generated org = OrgGenerator.generate(sim.org(),
                    GeneratorSpec.of(partners, opportunities, campaigns, certifications, 42));
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
                        int changed = 0;
                        LocalDate day = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).plusDays(10);
                        for (String partner : org.partnerIds().subList(0, n)) {
                            List<Map<String, Object>> opps = sim.org().query(
                                    "SELECT Id FROM Opportunity WHERE PartnerAccountId = '" + partner + "' LIMIT " + per);
                            for (Map<String, Object> opp : opps) {
                                sim.org().update((String) opp.get("Id"), Map.of("Amount", BigDecimal.valueOf(12_345),
                                        "StageName", "Closed Won", "CloseDate", day));
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
