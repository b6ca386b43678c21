package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.jbp.sfsim.SalesforceSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random orgs, seeded: partners with won deals in several currencies (some converted at dated rates), plans in
 * random currencies whose periods start on the first or the 15th of any month (mostly mid-quarter, half of them
 * mid-month), a fiscal year from a
 * random month; then a deal moved to another partner, one deleted and one re-priced. After the full run and after
 * the incremental run that follows the changes, every plan's revenue_won (period and quarters) equals what this
 * test computes from the org's raw records, read back over SOAP with WSC as any client would. Three seeds, about
 * two minutes on a busy machine.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncPropertyIT {

    private static final long[] SEEDS = {11, 23, 37};
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);
    private static final java.time.Instant AN_HOUR_AGO = java.time.Instant.now().minusSeconds(3_600);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEnvironment.freshDeployment();
    }

    @ArquillianResource
    URL deployed;

    /** A plan of the random org: whose, in which currency, over which days. */
    private record PlanCase(String id, String partner, String currency, LocalDate start, LocalDate end) {
    }

    @Test
    void actualsEqualSumsOverTheRawRecordsForRandomOrgs() throws Exception {
        Api api = Api.at(deployed);
        Api admin = api.as(Fixtures.adminToken());
        Api approver = api.as(Fixtures.approverToken());
        SalesforceSimulator sim = TestEnvironment.simulator();
        sim.faults().clear();
        if (!sim.org().multiCurrency()) {
            sim.org().multiCurrency("USD", Map.of("EUR", 0.5));
        }
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            // a fiscal year from any month: month grouping must not care
            sim.org().fiscalYear(1 + random.nextInt(12), random.nextBoolean());
            String extra = "X" + (char) ('A' + seed % 26) + (char) ('A' + (seed / 26) % 26);
            sim.org().insert("CurrencyType", Map.of("IsoCode", extra, "ConversionRate", 0.5 + random.nextInt(300) / 100.0,
                    "DecimalPlaces", 2, "IsActive", true));
            List<String> currencies = List.of("USD", "EUR", extra);
            List<String> partners = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String partner = sim.org().insert("Account", Map.of("Name", "Random " + seed + "/" + i,
                        "IsPartner", true, "Partner_Tier__c", "Gold"));
                sim.org().insert("ChannelProgramMember", Map.of("PartnerId", partner, "ProgramId", program(sim),
                        "LevelId", goldLevel(sim)));
                partners.add(partner);
            }
            // the new partner accounts become known (an incremental run imports changed accounts)
            SyncFixtures.completed(admin, SyncFixtures.start(admin, "incremental"));
            String template = SyncFixtures.template(admin, "Random " + seed + " " + System.nanoTime());
            List<PlanCase> plans = new ArrayList<>();
            for (String partner : partners) {
                // the first or the 15th of any of the last 17 months: the period has started, most start
                // mid-quarter, and half of them mid-month (2026-02-15 to 2027-02-14), so every plan quarter of
                // those starts and ends inside a calendar month
                LocalDate start = TODAY.minusMonths(1 + random.nextInt(17)).withDayOfMonth(random.nextBoolean() ? 1 : 15);
                LocalDate end = start.plusYears(1).minusDays(1);
                String currency = currencies.get(random.nextInt(currencies.size()));
                // the fixture's campaign and certification dates, moved inside this period
                JsonObject sections = Json.createObjectBuilder(SyncFixtures.revenueSections(start.getYear(), "1000000"))
                        .add("campaigns", Json.createArrayBuilder().add(Json.createObjectBuilder(
                                        SyncFixtures.revenueSections(start.getYear(), "1").getJsonArray("campaigns")
                                                .getJsonObject(0))
                                .add("startDate", start.plusDays(10).toString())
                                .add("endDate", start.plusDays(20).toString())))
                        .add("certifications", Json.createArrayBuilder().add(Json.createObjectBuilder(
                                        SyncFixtures.revenueSections(start.getYear(), "1").getJsonArray("certifications")
                                                .getJsonObject(0))
                                .add("dueDate", end.minusDays(1).toString())))
                        .build();
                JsonObject body = SyncFixtures.inCurrency(Json.createObjectBuilder(
                                Fixtures.newPlan(partner, template, sections)).add("title", "Random plan " + seed)
                        .add("period", Json.createObjectBuilder().add("start", start.toString()).add("end", end.toString()))
                        .build(), currency);
                plans.add(new PlanCase(SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans", body)),
                        partner, currency, start, end));
                for (int d = 0; d < 6 + random.nextInt(8); d++) {
                    sim.org().insert("Opportunity", Map.of("Name", "Random deal " + seed + "/" + d,
                            "PartnerAccountId", partner, "StageName", "Closed Won",
                            "Amount", BigDecimal.valueOf(100 + random.nextInt(90_000), 2),
                            "CurrencyIsoCode", currencies.get(random.nextInt(currencies.size())),
                            "CloseDate", start.minusDays(40).plusDays(random.nextInt(460)),
                            // last changed long before the runs: only the changes below are news to them
                            "LastModifiedDate", AN_HOUR_AGO, "SystemModstamp", AN_HOUR_AGO));
                }
            }
            SyncFixtures.completed(admin, SyncFixtures.start(admin, "full"));
            assertPlansMatchRawRecords(admin, sim, plans, "seed " + seed + " after the full run");

            // what happens in an org between two runs: a deal of the first partner goes to another partner (so the
            // first partner's records show no change at all), a deal of the last one vanishes, one gets a new amount
            PlanCase first = plans.get(0);
            List<String> firstsDeals = dealsOf(sim, first);
            if (!firstsDeals.isEmpty()) {
                sim.org().update(firstsDeals.get(random.nextInt(firstsDeals.size())),
                        Map.of("PartnerAccountId", partners.get(1 + random.nextInt(partners.size() - 1))));
            }
            List<String> lastsDeals = dealsOf(sim, plans.get(plans.size() - 1));
            if (!lastsDeals.isEmpty()) {
                sim.org().delete(lastsDeals.get(random.nextInt(lastsDeals.size())));
            }
            List<String> secondsDeals = dealsOf(sim, plans.get(1));
            if (!secondsDeals.isEmpty()) {
                sim.org().update(secondsDeals.get(random.nextInt(secondsDeals.size())),
                        Map.of("Amount", BigDecimal.valueOf(100 + random.nextInt(90_000), 2)));
            }
            SyncFixtures.sleep(1_100);   // past the watermark's second
            SyncFixtures.completed(admin, SyncFixtures.start(admin, "incremental"));
            assertPlansMatchRawRecords(admin, sim, plans, "seed " + seed + " after the incremental run");
        }
        sim.org().fiscalYear(1, false);
    }

    /** The plan's partner's won deals closing inside its period, in id order. */
    private static List<String> dealsOf(SalesforceSimulator sim, PlanCase plan) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> deal : sim.org().query("SELECT Id, CloseDate FROM Opportunity WHERE IsWon = true "
                + "AND PartnerAccountId = '" + plan.partner() + "' ORDER BY Id")) {
            LocalDate close = LocalDate.parse(String.valueOf(deal.get("CloseDate")));
            if (!close.isBefore(plan.start()) && !close.isAfter(plan.end())) {
                ids.add((String) deal.get("Id"));
            }
        }
        return ids;
    }

    private static String program(SalesforceSimulator sim) {
        return sim.org().query("SELECT Id FROM ChannelProgram ORDER BY Id LIMIT 1").stream().findFirst()
                .map(r -> (String) r.get("Id"))
                .orElseGet(() -> sim.org().insert("ChannelProgram", Map.of("Name", "Partner Program", "IsActive", true)));
    }

    private static String goldLevel(SalesforceSimulator sim) {
        String program = program(sim);
        return sim.org().query("SELECT Id FROM ChannelProgramLevel WHERE Name = 'Gold' AND ProgramId = '" + program
                        + "'").stream().findFirst().map(r -> (String) r.get("Id"))
                .orElseGet(() -> sim.org().insert("ChannelProgramLevel", Map.of("Name", "Gold", "ProgramId", program,
                        "Rank", 3)));
    }

    /** Each plan's revenue_won against sums over the raw records, converted as the org and the plan's currency do. */
    private static void assertPlansMatchRawRecords(Api admin, SalesforceSimulator sim, List<PlanCase> plans, String when)
            throws ConnectionException {
        PartnerConnection soap = connect(sim);
        Map<String, BigDecimal> current = new HashMap<>();
        for (SObject c : records(soap, "SELECT IsoCode, ConversionRate FROM CurrencyType WHERE IsActive = true")) {
            current.put((String) c.getField("IsoCode"), new BigDecimal(String.valueOf(c.getField("ConversionRate"))));
        }
        Map<String, NavigableMap<LocalDate, BigDecimal>> dated = new HashMap<>();
        try {
            for (SObject r : records(soap, "SELECT IsoCode, StartDate, ConversionRate FROM DatedConversionRate")) {
                dated.computeIfAbsent((String) r.getField("IsoCode"), k -> new TreeMap<>()).put(
                        LocalDate.parse((String) r.getField("StartDate")),
                        new BigDecimal(String.valueOf(r.getField("ConversionRate"))));
            }
        } catch (com.sforce.soap.partner.fault.InvalidSObjectFault noAdvancedCurrencyManagement) {
            // the org converts at CurrencyType rates only
        }
        for (PlanCase plan : plans) {
            BigDecimal[] expected = new BigDecimal[5];
            java.util.Arrays.fill(expected, BigDecimal.ZERO);
            for (SObject opp : records(soap, "SELECT Amount, CurrencyIsoCode, CloseDate FROM Opportunity "
                    + "WHERE IsWon = true AND PartnerAccountId = '" + plan.partner() + "'")) {
                LocalDate close = LocalDate.parse((String) opp.getField("CloseDate"));
                if (close.isBefore(plan.start()) || close.isAfter(plan.end()) || opp.getField("Amount") == null) {
                    continue;
                }
                String own = (String) opp.getField("CurrencyIsoCode");
                BigDecimal corporate = new BigDecimal(String.valueOf(opp.getField("Amount")))
                        .divide(rate(own, close, current, dated), 12, RoundingMode.HALF_UP);
                // the deal counts in the plan quarter (three-month slices from the start) its close date falls in,
                // to the day: a quarter from 15 February ends on 14 May
                LocalDate month = YearMonth.from(close).atDay(1);
                int quarter = 1;
                while (!close.isBefore(plan.start().plusMonths(3L * quarter))) {
                    quarter++;
                }
                BigDecimal inPlanCurrency = corporate.multiply(rate(plan.currency(), month, current, dated));
                expected[quarter] = expected[quarter].add(inPlanCurrency);
                expected[0] = expected[0].add(inPlanCurrency);
            }
            Map<String, BigDecimal> actual = SyncFixtures.actuals(admin, plan.id());
            for (int q = 0; q <= 4; q++) {
                String key = "revenue_won" + (q == 0 ? "" : "#" + q);
                BigDecimal value = actual.getOrDefault(key, BigDecimal.ZERO);
                // each month's fact is rounded to cents after conversion: a cent per month at most
                assertTrue(expected[q].subtract(value).abs().compareTo(new BigDecimal("0.13")) <= 0,
                        when + ", plan " + plan + ", " + key + ": the raw records give "
                                + expected[q].setScale(2, RoundingMode.HALF_UP) + ", the sync recorded " + value);
            }
        }
    }

    /** The org's rate of a currency on a day: dated where it has dated rates for the code, else CurrencyType. */
    private static BigDecimal rate(String code, LocalDate day, Map<String, BigDecimal> current,
                                   Map<String, NavigableMap<LocalDate, BigDecimal>> dated) {
        NavigableMap<LocalDate, BigDecimal> byDay = dated.get(code);
        if (byDay != null && byDay.floorEntry(day) != null && !"USD".equals(code)) {
            return byDay.floorEntry(day).getValue();
        }
        return current.get(code);
    }

    private static PartnerConnection connect(SalesforceSimulator sim) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint(sim.soapEndpoint());
        config.setUsername("admin@jbp.demo");
        config.setPassword("demo");
        return Connector.newConnection(config);
    }

    private static List<SObject> records(PartnerConnection soap, String soql) throws ConnectionException {
        List<SObject> all = new ArrayList<>();
        QueryResult page = soap.query(soql);
        while (true) {
            if (page.getRecords() != null) {
                all.addAll(List.of(page.getRecords()));
            }
            if (page.isDone()) {
                return all;
            }
            page = soap.queryMore(page.getQueryLocator());
        }
    }
}
