package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CRM sync against the simulator: partners and tiers, KPI actuals equal to sums computed here from the org's
 * own records, incremental runs, faults, session expiry, the daily limit, a failed run resumed from its
 * checkpoint, one run at a time, dashboards and alerts.
 */
class SyncIT extends DeployedWar {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();
    /** Partners generated for each test; 20 opportunities, 2 campaigns and 4 certifications each, as generated. */
    private static final int PARTNERS_PER_TEST = 30;

    /** This test's own partners, generated for it alone: no test reads what another changed, deleted or moved. */
    private List<String> partners;

    SalesforceSimulator sim;

    @BeforeEach
    void connect(org.junit.jupiter.api.TestInfo test) {
        sim = TestEnvironment.simulator();
        // the org's currencies as every test finds them: multi-currency cannot be turned off in Salesforce, so it is
        // the org's state from the first test on, USD corporate (the other tests' USD plans stay unconverted)
        if (!sim.org().multiCurrency()) {
            sim.org().multiCurrency("USD", Map.of("EUR", 0.5));
        }
        // the same partners for the same test, whatever ran before it (the seed is the test's name); the org grows
        // by them, which no test counts on: each asserts on its own partners' plans and records
        partners = OrgGenerator.generate(sim.org(), GeneratorSpec.of(PARTNERS_PER_TEST, 20 * PARTNERS_PER_TEST,
                2 * PARTNERS_PER_TEST, 4 * PARTNERS_PER_TEST, test.getDisplayName().hashCode())).partnerIds();
        sim.faults().clear();
        waitUntilIdle();
    }

    @AfterEach
    void clearFaults() {
        SyncFixtures.resetOrg(sim, admin);
    }

    // ---- tests ----

    @Test
    void fullSyncCreatesPartnersWithTiersAndActualsEqualToTheOrgsOwnSums() throws SQLException {
        JsonObject run = completed(start("full"));
        assertTrue(run.getJsonNumber("apiCalls").longValue() > 0, run.toString());
        String partner = partners.get(0);
        Object tier = sim.org().query("SELECT Level.Name FROM ChannelProgramMember WHERE PartnerId = '" + partner + "'")
                .get(0).get("Level.Name");
        assertEquals(tier, partnerTier(partner), "the partner record carries the channel program level");

        List<String> plans = activePlans(3, 0, "1000000");
        completed(start("full"));
        for (String plan : plans) {
            assertActualsMatchOrg(plan);
        }
    }

    @Test
    void planActivatedSinceTheLastRunGetsItsActualsFromTheNextIncrementalRun() {
        // a partner with won revenue this year among the generated records, none of them changed since generation
        int index = 0;
        while (expectedRevenue(partners.get(index)).signum() == 0) {
            index++;
        }
        completed(start("full"));
        String plan = activePlans(1, index, "1000000").get(0);
        assertTrue(actuals(plan).isEmpty(), "no sync has computed the new plan yet");

        completed(start("incremental"));
        assertTrue(actuals(plan).getOrDefault("revenue_won", BigDecimal.ZERO).signum() > 0,
                "the partner's records did not change, the plan still gets its actuals: " + actuals(plan));
        assertActualsMatchOrg(plan);
    }

    @Test
    void incrementalRecomputesOnlyTheTouchedPartners() throws SQLException {
        completed(start("full"));
        List<String> plans = activePlans(2, 0, "1000000");
        JsonObject full = completed(start("full"));
        String touchedPlan = plans.get(0);
        String touchedPartner = partnerOf(touchedPlan);
        Map<String, BigDecimal> untouchedBefore = actuals(plans.get(1));

        List<Map<String, Object>> opps = sim.org().query("SELECT Id, Amount FROM Opportunity WHERE PartnerAccountId = '"
                + touchedPartner + "' AND IsWon = true");
        assertTrue(!opps.isEmpty(), "the generated partner has won deals");
        for (Map<String, Object> opp : opps.subList(0, Math.min(3, opps.size()))) {
            sim.org().update((String) opp.get("Id"), Map.of("Amount", decimal(opp.get("Amount")).add(BigDecimal.valueOf(1000)),
                    "CloseDate", LocalDate.of(THIS_YEAR, 1, 15)));
        }
        JsonObject incremental = completed(start("incremental"));
        assertEquals("INCREMENTAL", incremental.getString("mode"));
        // a full run reads each of the nine sources for every plan; the incremental one, besides its fixed
        // overhead (login, server time, user info, currencies, changed partners and program members, one change
        // query per object), re-reads only the Opportunity sources of the one changed partner. The overhead
        // depends on the org (multi-currency adds the CurrencyType read), so the bound is relative to the full run.
        long calls = incremental.getJsonNumber("apiCalls").longValue();
        assertTrue(calls < full.getJsonNumber("apiCalls").longValue(), "incremental " + incremental + " vs full " + full);
        assertActualsMatchOrg(touchedPlan);
        assertEquals(untouchedBefore, actuals(plans.get(1)), "a partner without changes is not recomputed");
    }

    @Test
    void projectionOfRevenueWonAddsTheOpenPipelineWeightedByProbability() throws SQLException {
        completed(start("full"));
        String plan = activePlans(1, 0, "1000000").get(0);
        String partner = partnerOf(plan);
        LocalDate lastDay = LocalDate.of(THIS_YEAR, 12, 31);
        sim.org().insert("Opportunity", Map.of("Name", "Open deal", "PartnerAccountId", partner, "StageName", "Negotiation",
                "Probability", 30, "Amount", new BigDecimal("50000"), "CloseDate", lastDay));
        completed(start("full"));
        JsonObject revenue = line(admin.get("/jbp/api/v1/plans/" + plan + "/dashboard").json(), "kpis", "revenue_won");
        assertTrue(revenue.getBoolean("projectionIncludesPipeline"), revenue.toString());
        BigDecimal pipeline = weightedOpenPipeline(partner);
        assertTrue(pipeline.compareTo(new BigDecimal("15000")) >= 0, "30 % of 50,000 at least: " + pipeline);
        assertClose(runRateProjection(plan, revenue).add(pipeline), revenue.getJsonNumber("projection").bigDecimalValue(),
                "projection = run rate + weighted open pipeline");

        // a likelier deal raises the projection by its weighted amount after an incremental run
        BigDecimal before = revenue.getJsonNumber("projection").bigDecimalValue();
        sim.org().insert("Opportunity", Map.of("Name", "Likely deal", "PartnerAccountId", partner, "StageName", "Commit",
                "Probability", 90, "Amount", new BigDecimal("10000"), "CloseDate", lastDay));
        completed(start("incremental"));
        JsonObject after = line(admin.get("/jbp/api/v1/plans/" + plan + "/dashboard").json(), "kpis", "revenue_won");
        assertClose(before.add(new BigDecimal("9000")), after.getJsonNumber("projection").bigDecimalValue(),
                "90 % of 10,000 added");
    }

    @Test
    void runLeftRunningByADeadInstanceShowsItsExpiredLeaseAndTheNextRunAbandonsIt() throws SQLException {
        String stale = java.util.UUID.randomUUID().toString();
        execute("insert into sync_run (id, mode, status, phase, started_at, instance, requested_by) values (cast('"
                + stale + "' as uuid), 'FULL', 'RUNNING', 'FACTS', now() - interval '10 minutes', 'dead-instance', 'test')");
        try {
            JsonObject shown = admin.get("/jbp/api/v1/sync/runs/" + stale).json();
            assertEquals("RUNNING", shown.getString("status"));
            assertTrue(shown.getBoolean("leaseExpired"), "nobody holds a lease for it: " + shown);
            assertTrue(admin.get("/jbp/api/v1/sync/runs").array().stream().map(JsonValue::asJsonObject)
                    .filter(r -> r.getString("id").equals(stale)).allMatch(r -> r.getBoolean("leaseExpired")));

            JsonObject next = start("full");
            assertFalse(next.getBoolean("leaseExpired"), "the new run holds the lease: " + next);
            JsonObject abandoned = admin.get("/jbp/api/v1/sync/runs/" + stale).json();
            assertEquals("ABANDONED", abandoned.getString("status"), abandoned.toString());
            assertFalse(abandoned.getBoolean("leaseExpired"));
            assertTrue(abandoned.getString("errors").contains(next.getString("id")), abandoned.toString());
            assertTrue(abandoned.containsKey("endedAt"));
            completed(next);
        } finally {
            execute("update sync_run set status = 'FAILED' where id = cast('" + stale + "' as uuid) and status = 'RUNNING'");
        }
    }

    @Test
    void transientFaultsOnEveryTenthCallDoNotChangeTheResult() throws Exception {
        completed(start("full"));
        List<String> plans = activePlans(2, 0, "1000000");
        completed(start("full"));
        Map<String, BigDecimal> faultFree = actuals(plans.get(0));

        AtomicBoolean injecting = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger injected = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> injector = CompletableFuture.runAsync(() -> {
            long next = sim.apiCallCount() + 10;
            while (injecting.get()) {
                if (sim.apiCallCount() >= next) {
                    sim.faults().failNext(1, injected.getAndIncrement() % 2 == 0 ? "SERVER_UNAVAILABLE" : "HTTP_503");
                    next += 10;
                }
                sleep(2);
            }
        });
        JsonObject run;
        try {
            run = completed(start("full"));
        } finally {
            injecting.set(false);
            injector.get();
        }
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        // a fault planned after the run's last call is never answered; every other one hit the run
        int answered = injected.get() - sim.faults().pending();
        assertTrue(answered >= 1, "the run met the faults it was meant to survive: " + answered + " of "
                + injected.get() + " answered");
        assertEquals(faultFree, actuals(plans.get(0)), "same results as the fault-free run");
        assertActualsMatchOrg(plans.get(1));
    }

    @Test
    void sessionExpiringInTheMiddleOfQueryMoreIsRenewed() throws SQLException {
        // 250 more partners of its own: the partner read needs more than one 200-record page, so it uses queryMore,
        // however few partners the tests before it left in the org
        OrgGenerator.generate(sim.org(), GeneratorSpec.of(250, 0, 0, 0, 250));
        long logins = sim.apiCalls().count("login");
        sim.faults().failNext(1, "INVALID_SESSION_ID", "queryMore");
        JsonObject run = completed(start("full"));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(0, sim.faults().pending(), "the session expired during a queryMore of the run");
        assertTrue(sim.apiCalls().count("login") >= logins + 2, "logged in, then again after the expiry");
        int partnersInOrg = sim.org().query("SELECT Id FROM Account WHERE IsPartner = true").size();
        assertEquals(partnersInOrg, count("select count(*) from partner"), "no page lost");
    }

    @Test
    void dailyLimitStopsTheRunWhichResumesNextTime() throws SQLException {
        completed(start("full"));
        List<String> plans = activePlans(2, 0, "1000000");
        sim.faults().dailyLimit(sim.dailyApiUsage() + 4);
        JsonObject limited = finished(start("full"));
        assertEquals("LIMIT_REACHED", limited.getString("status"), limited.toString());

        sim.faults().dailyLimit(1_000_000);
        Api.Reply next = admin.post("/jbp/api/v1/sync/runs", Json.createObjectBuilder().add("mode", "incremental").build());
        assertEquals(202, next.status(), next.body());
        assertEquals(limited.getString("id"), next.json().getString("id"), "the stopped run is resumed");
        JsonObject resumed = completed(next.json());
        assertEquals(2, resumed.getInt("executions"));
        for (String plan : plans) {
            assertActualsMatchOrg(plan);
        }
    }

    @Test
    void failedRunRestartsFromItsCheckpointWithIdenticalResults() throws Exception {
        completed(start("full"));
        List<String> plans = activePlans(2, 0, "1000000");
        completed(start("full"));
        Map<String, BigDecimal> uninterrupted = actuals(plans.get(0));
        // the same values written again must not count twice: wipe them, then crash a run half-way through its facts
        try (Connection c = TestEnvironment.database().getConnection();
             PreparedStatement s = c.prepareStatement("delete from kpi_actual where plan_id = cast(? as uuid)")) {
            s.setString(1, plans.get(0));
            s.executeUpdate();
        }
        sim.faults().latencyMillis(150);
        JsonObject run = start("full");
        String id = run.getString("id");
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonObject now = admin.get("/jbp/api/v1/sync/runs/" + id).json();
            if ("FACTS".equals(now.getString("phase")) && now.getInt("itemsDone") >= 2) {
                sim.faults().failNext(1, "MALFORMED_QUERY", "query");
                break;
            }
            if (!"RUNNING".equals(now.getString("status")) || System.currentTimeMillis() > deadline) {
                fail("run did not reach the facts phase: " + now);
            }
            sleep(20);
        }
        JsonObject failed = finished(run);
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertEquals("FACTS", failed.getString("phase"));
        sim.faults().clear();
        long callsBefore = failed.getJsonNumber("apiCalls").longValue();

        Api.Reply restart = admin.post("/jbp/api/v1/sync/runs/" + id + "/restart", "");
        assertEquals(202, restart.status(), restart.body());
        JsonObject done = completed(restart.json());
        assertEquals(2, done.getInt("executions"));
        assertTrue(done.getJsonNumber("apiCalls").longValue() > callsBefore);
        assertEquals(uninterrupted, actuals(plans.get(0)), "identical to the uninterrupted run");
    }

    @Test
    void twoRequestsAtOnceStartOneRunAndRefuseTheOther() throws Exception {
        sim.faults().latencyMillis(100);
        var body = Json.createObjectBuilder().add("mode", "full").build();
        CompletableFuture<Api.Reply> first = CompletableFuture.supplyAsync(() -> admin.post("/jbp/api/v1/sync/runs", body));
        CompletableFuture<Api.Reply> second = CompletableFuture.supplyAsync(() -> admin.post("/jbp/api/v1/sync/runs", body));
        List<Api.Reply> replies = List.of(first.get(), second.get());
        List<Integer> statuses = replies.stream().map(Api.Reply::status).sorted().toList();
        assertEquals(List.of(202, 409), statuses, replies.toString());
        Api.Reply accepted = replies.stream().filter(r -> r.status() == 202).findFirst().orElseThrow();
        Api.Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertEquals(accepted.json().getString("id"), refused.json().getJsonObject("run").getString("id"),
                "the refusal names the running run");
        sim.faults().latencyMillis(0);
        completed(accepted.json());
    }

    @Test
    void noInputToTheSyncRunsApiIsAServerError() {
        List<String> bodies = List.of("", "not json", "[]", "{}", "{\"mode\":null}", "{\"mode\":7}",
                "{\"mode\":\"FULL \"}", "{\"mode\":\"sideways\"}", "{\"mode\":[\"full\"]}",
                "{\"mode\":\"" + "x".repeat(100_000) + "\"}", "{\"mode\":\"full\"", "\u0000");
        for (String body : bodies) {
            Api.Reply reply = admin.post("/jbp/api/v1/sync/runs", body);
            assertTrue(reply.status() >= 400 && reply.status() < 500, body.length() > 60 ? "long mode" : body
                    + " -> " + reply.status() + " " + reply.body());
            assertEquals("application/problem+json", reply.contentType(), body);
        }
        for (String path : List.of("/sync/runs/not-a-uuid", "/sync/runs/" + java.util.UUID.randomUUID(),
                "/sync/runs/not-a-uuid/restart", "/sync/runs/" + java.util.UUID.randomUUID() + "/restart",
                "/sync/runs?limit=abc", "/sync/runs?limit=0", "/sync/runs?offset=-1")) {
            Api.Reply reply = path.endsWith("/restart") ? admin.post("/jbp/api/v1" + path, "")
                    : admin.get("/jbp/api/v1" + path);
            assertTrue(reply.status() >= 400 && reply.status() < 500, path + " -> " + reply.status() + " "
                    + reply.body());
        }
        Api.Reply partner = Api.at(deployed).as(Fixtures.partnerToken(Fixtures.newAccountId(), "005000000000088"))
                .post("/jbp/api/v1/sync/runs", Json.createObjectBuilder().add("mode", "full").build());
        assertEquals(403, partner.status(), partner.body());
    }

    @Test
    void dashboardShowsPaceAndAnAlertOpensAndClosesWithTheKpi() throws SQLException {
        completed(start("full"));
        // an unreachable revenue KPI: far below pace, so off track
        String plan = activePlans(1, 0, "900000000000").get(0);
        completed(start("full"));

        JsonObject dashboard = admin.get("/jbp/api/v1/plans/" + plan + "/dashboard").json();
        JsonObject revenue = line(dashboard, "kpis", "revenue_won");
        assertEquals("OFF_TRACK", revenue.getString("status"), revenue.toString());
        BigDecimal actual = revenue.getJsonNumber("actual").bigDecimalValue();
        assertEquals(expectedRevenue(partnerOf(plan)).setScale(2, RoundingMode.HALF_UP),
                actual.setScale(2, RoundingMode.HALF_UP));
        double share = dashboard.getJsonNumber("elapsedShare").doubleValue();
        // the plan splits the target into equal quarters, so the pace follows the quarters, close to the linear share
        assertEquals(900_000_000_000.0 * share, revenue.getJsonNumber("expectedToDate").doubleValue(),
                900_000_000_000.0 * 0.02);
        assertTrue(dashboard.containsKey("lastSyncedAt"));
        assertEquals(1, dashboard.getJsonArray("certifications").size());

        var alerts = admin.get("/jbp/api/v1/plans/" + plan + "/alerts").array();
        JsonObject alert = alerts.stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("kpiKey").equals("revenue_won")).findFirst().orElseThrow();
        assertEquals("OPEN", alert.getString("status"));
        assertTrue(count("select count(*) from plan_review where plan_id = cast('" + plan + "' as uuid) "
                + "and status = 'SCHEDULED'") >= 1, "a review is prompted");
        completed(start("incremental"));
        assertEquals(1, admin.get("/jbp/api/v1/plans/" + plan + "/alerts").array().stream()
                .filter(a -> a.asJsonObject().getString("kpiKey").equals("revenue_won")).count(), "no duplicate while open");
        JsonObject whileOpen = portfolioLine(plan);
        assertTrue(whileOpen.getJsonArray("alertKpis").getValuesAs(jakarta.json.JsonString::getString)
                .contains("revenue_won"), "the portfolio line names the open alert: " + whileOpen);
        assertEquals(whileOpen.getJsonArray("alertKpis").size(), whileOpen.getInt("openAlerts"), whileOpen.toString());

        // a huge deal closes: the KPI recovers and the alert closes itself
        sim.org().insert("Opportunity", Map.of("Name", "Mega deal", "PartnerAccountId", partnerOf(plan),
                "Amount", new BigDecimal("900000000000"), "StageName", "Closed Won",
                "CloseDate", LocalDate.now(ZoneOffset.UTC)));
        completed(start("incremental"));
        JsonObject closed = admin.get("/jbp/api/v1/plans/" + plan + "/alerts").array().stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("kpiKey").equals("revenue_won")).findFirst().orElseThrow();
        assertEquals("CLOSED", closed.getString("status"), closed.toString());
        assertEquals("ON_TRACK", line(admin.get("/jbp/api/v1/plans/" + plan + "/dashboard").json(), "kpis", "revenue_won")
                .getString("status"));

        assertFalse(portfolioLine(plan).getJsonArray("alertKpis").getValuesAs(jakarta.json.JsonString::getString)
                .contains("revenue_won"), "the closed alert is off the portfolio line");
        String tier = partnerTierOf(partnerOf(plan));
        var portfolio = admin.get("/jbp/api/v1/dashboard/portfolio?tier=" + tier).array();
        assertTrue(portfolio.stream().anyMatch(p -> p.asJsonObject().getString("planId").equals(plan)), portfolio.toString());
        assertTrue(portfolio.stream().allMatch(p -> p.asJsonObject().getString("tier").equals(tier)));
        // tier and region are filtered in the database, and the page is cut there too
        assertTrue(admin.get("/jbp/api/v1/dashboard/portfolio?tier=Unheard-of").array().isEmpty(),
                "a tier no partner has lists no plan");
        assertTrue(admin.get("/jbp/api/v1/dashboard/portfolio?tier=" + tier + "&region=Nowhere").array().isEmpty(),
                "a region no partner is in lists no plan");
        assertEquals(1, admin.get("/jbp/api/v1/dashboard/portfolio?tier=" + tier + "&limit=1").array().size(),
                "a page of one");
        assertTrue(cam.get("/jbp/api/v1/dashboard/portfolio").array().stream()
                .noneMatch(p -> p.asJsonObject().getString("planId").equals(plan)), "not this channel manager's partner");
        assertEquals(404, cam.get("/jbp/api/v1/plans/" + plan + "/dashboard").status(), "nor its dashboard");
        // the same channel manager holding the approver role too sees every plan, in the plan list as in the portfolio
        Api camApprover = Api.at(deployed).as(TestEnvironment.token(Fixtures.CAM, "Carl Channel",
                List.of("channel-manager", "approver"), null));
        List<String> listed = camApprover.get("/jbp/api/v1/plans?status=ACTIVE&limit=500").array().stream()
                .map(p -> p.asJsonObject().getString("id")).sorted().toList();
        List<String> inPortfolio = camApprover.get("/jbp/api/v1/dashboard/portfolio").array().stream()
                .map(p -> p.asJsonObject().getString("planId")).sorted().toList();
        assertTrue(listed.contains(plan), "an approver sees the plan of a partner they do not own: " + listed);
        assertEquals(listed, inPortfolio, "the plan list and the portfolio show the same ACTIVE plans");
        assertEquals(404, Api.at(deployed).as(Fixtures.partnerToken(Fixtures.newAccountId(), "005000000000077"))
                .get("/jbp/api/v1/plans/" + plan + "/dashboard").status(), "another partner's plan does not exist");
    }

    @Test
    void certificationProgressOnTheDashboardCountsTheOrgsCompletedRecordsOfTheRole() {
        completed(start("full"));
        String plan = activePlans(1, 0, "1000000").get(0);
        String partner = partnerOf(plan);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String[] cert : new String[][]{{"Technical", "Completed"}, {"Technical", "Completed"},
                {"Technical", "In Progress"}, {"Pre-Sales", "Completed"}}) {
            sim.org().insert("Partner_Certification__c", Map.of("Name", "Cert", "Account__c", partner,
                    "Role__c", cert[0], "Status__c", cert[1], "Completed_Date__c", today));
        }
        completed(start("full"));

        JsonObject technical = admin.get("/jbp/api/v1/plans/" + plan + "/dashboard").json()
                .getJsonArray("certifications").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("role").equals("TECHNICAL")).findFirst().orElseThrow();
        long inOrg = completedCertifications(partner, "Technical");
        assertTrue(inOrg >= 2, "the two inserted here at least: " + inOrg);
        assertEquals(inOrg, technical.getJsonNumber("completed").longValue(), technical.toString());
        assertEquals(completedCertifications(partner, "Pre-Sales"),
                actuals(plan).get("certifications_completed(PRE_SALES)").longValue(),
                "the org's 'Pre-Sales' is the plan's PRE_SALES");
    }

    @Test
    void coSellEngagementsCountVendorOwnedDealsThePartnerIsAttachedTo() {
        completed(start("full"));
        String plan = activePlans(1, 0, "1000000").get(0);
        String partner = partnerOf(plan);
        LocalDate close = LocalDate.of(THIS_YEAR, 12, 1);
        for (int i = 0; i < 2; i++) {
            String vendorDeal = sim.org().insert("Opportunity", Map.of("Name", "Co-sell " + i, "StageName", "Prospecting",
                    "CloseDate", close, "Amount", new BigDecimal("1000")));
            sim.org().insert("OpportunityPartner", Map.of("OpportunityId", vendorDeal, "AccountToId", partner,
                    "IsPrimary", true, "Role", "Reseller"));
        }
        String partnersOwn = sim.org().insert("Opportunity", Map.of("Name", "Partner's own", "StageName", "Prospecting",
                "CloseDate", close, "PartnerAccountId", partner));
        sim.org().insert("OpportunityPartner", Map.of("OpportunityId", partnersOwn, "AccountToId", partner,
                "IsPrimary", true, "Role", "Reseller"));
        completed(start("incremental"));

        long inOrg = sim.org().query("SELECT Opportunity.CreatedDate FROM OpportunityPartner WHERE AccountToId = '"
                        + partner + "' AND Opportunity.PartnerAccountId = null").stream()
                .filter(r -> String.valueOf(r.get("Opportunity.CreatedDate")).startsWith(THIS_YEAR + "-")).count();
        assertEquals(2, inOrg);
        assertEquals(inOrg, actuals(plan).get("co_sell_engagements").longValue(),
                "vendor-owned deals with the partner attached, not the partner's own deal");
    }

    @Test
    void aPeriodStartingInFebruaryGetsTheOrgsRecordsInItsOwnFourQuarters() {
        completed(start("full"));
        LocalDate first = LocalDate.of(THIS_YEAR, 2, 1);
        String template = SyncFixtures.template(admin, "Sync February " + System.nanoTime());
        String partner = partners.get(0);
        String plan = SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans", Json.createObjectBuilder(
                Fixtures.newPlan(partner, template, SyncFixtures.revenueSections(THIS_YEAR, "1000000")))
                .add("title", "February plan").add("period", Json.createObjectBuilder()
                        .add("start", first.toString()).add("end", first.plusYears(1).minusDays(1).toString())).build()));
        sim.org().insert("Opportunity", Map.of("Name", "Last day", "PartnerAccountId", partner, "StageName", "Closed Won",
                "Amount", new BigDecimal("777"), "CloseDate", first.plusYears(1).minusDays(1)));
        sim.org().insert("Opportunity", Map.of("Name", "First day", "PartnerAccountId", partner, "StageName", "Closed Won",
                "Amount", new BigDecimal("555"), "CloseDate", first));
        completed(start("full"));

        Map<String, BigDecimal> actual = actuals(plan);
        BigDecimal[] revenue = new BigDecimal[5];
        java.util.Arrays.fill(revenue, BigDecimal.ZERO);
        for (Map<String, Object> opp : sim.org().query("SELECT Amount, CloseDate FROM Opportunity WHERE PartnerAccountId = '"
                + partner + "' AND IsWon = true")) {
            LocalDate close = LocalDate.parse(String.valueOf(opp.get("CloseDate")));
            if (!close.isBefore(first) && close.isBefore(first.plusYears(1)) && opp.get("Amount") != null) {
                int q = (int) java.time.temporal.ChronoUnit.MONTHS.between(first.withDayOfMonth(1), close.withDayOfMonth(1)) / 3 + 1;
                revenue[q] = revenue[q].add(decimal(opp.get("Amount")));
                revenue[0] = revenue[0].add(decimal(opp.get("Amount")));
            }
        }
        assertTrue(revenue[4].compareTo(new BigDecimal("777")) >= 0, "the last quarter holds January's deal");
        assertTrue(revenue[1].compareTo(new BigDecimal("555")) >= 0, "the first quarter holds February's deal");
        for (int q = 0; q <= 4; q++) {
            String suffix = q == 0 ? "" : "#" + q;
            assertClose(revenue[q], actual.get("revenue_won" + suffix), plan + " revenue_won" + suffix);
        }
    }

    @Test
    void moneyActualsArriveInThePlansCurrencyWithTheRateShownAndAPlanInACurrencyTheOrgLacksIsRefused() {
        String partner = partners.get(0);
        sim.org().insert("Opportunity", Map.of("Name", "Euro deal", "PartnerAccountId", partner, "StageName", "Closed Won",
                "Amount", new BigDecimal("1000"), "CurrencyIsoCode", "EUR", "CloseDate", LocalDate.of(THIS_YEAR, 3, 3)));
        completed(start("full"));   // reads the org's currencies
        String template = SyncFixtures.template(admin, "Sync EUR " + System.nanoTime());
        JsonObject usdPlan = Fixtures.newPlan(partner, template, SyncFixtures.revenueSections(THIS_YEAR, "1000000"), THIS_YEAR);
        JsonObject eurPlan;
        try (var reader = Json.createReader(new java.io.StringReader(usdPlan.toString().replace("\"USD\"", "\"EUR\"")))) {
            eurPlan = reader.readObject();
        }
        String plan = SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans", eurPlan));
        completed(start("full"));

        // the org's own records, each converted from its currency to the corporate one, then to EUR
        BigDecimal eur = wonRevenueIn("EUR", partner);
        assertClose(eur, actuals(plan).get("revenue_won"), "revenue_won in EUR");
        JsonObject conversion = admin.get("/jbp/api/v1/plans/" + plan + "/dashboard").json().getJsonObject("currencyConversion");
        assertEquals("USD", conversion.getString("from"), conversion.toString());
        assertEquals("EUR", conversion.getString("to"));
        assertEquals(0, new BigDecimal("0.5").compareTo(conversion.getJsonNumber("rate").bigDecimalValue()));
        JsonObject reported = admin.get("/jbp/api/v1/plans/" + plan + "/report", "application/json").json()
                .getJsonObject("currencyConversion");
        assertEquals(conversion.getString("from") + conversion.getString("to") + conversion.getJsonNumber("rate"),
                reported.getString("from") + reported.getString("to") + reported.getJsonNumber("rate"),
                "the period-end report shows the rate the dashboard shows");
        String csv = admin.get("/jbp/api/v1/plans/" + plan + "/report", "text/csv").body();
        assertTrue(csv.contains("\"currency-conversion\",\"USD/EUR\",\"Rate used for money actuals\",\"\",\"0.5\""), csv);

        Api.Reply refused = admin.post("/jbp/api/v1/plans", Json.createObjectBuilder(eurPlan).add("currency", "JPY").build());
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("\"field\":\"currency\"") && refused.body().contains("no active currency JPY"),
                refused.body());
    }

    @Test
    void withDatedRatesEachMonthConvertsAtItsOwnRateAndTheRatesUsedAreRecorded() throws SQLException {
        // from July a euro costs more: 0.4 EUR per USD instead of 0.5; only for this test, the others find the org
        // with one rate per currency
        sim.org().datedRate("EUR", LocalDate.of(THIS_YEAR, 7, 1), 0.4);
        try {
            String partner = partners.get(0);
            for (int month : new int[]{5, 8}) {
                sim.org().insert("Opportunity", Map.of("Name", "Euro deal " + month, "PartnerAccountId", partner,
                        "StageName", "Closed Won", "Amount", new BigDecimal("1000"), "CurrencyIsoCode", "EUR",
                        "CloseDate", LocalDate.of(THIS_YEAR, month, 10)));
            }
            completed(start("full"));
            String plan = activePlanIn("EUR", partner);
            completed(start("full"));

            Map<String, BigDecimal> actual = actuals(plan);
            assertClose(wonRevenueIn("EUR", partner), actual.get("revenue_won"), "revenue_won in EUR at dated rates");
            // the plan's own EUR deals come back as the EUR they were sold for, whatever the month's rate
            BigDecimal q3 = wonRevenueIn("EUR", partner, 7, 9);
            assertClose(q3, actual.get("revenue_won#3"), "the third quarter at 0.4");
            assertEquals(1, count("select count(*) from plan_fx_rate_month where plan_id = '" + plan
                    + "' and month = date '" + THIS_YEAR + "-08-01' and rate = 0.4"), "August's rate is recorded");
            assertEquals(1, count("select count(*) from plan_fx_rate_month where plan_id = '" + plan
                    + "' and month = date '" + THIS_YEAR + "-05-01' and rate = 0.5"), "May's rate is recorded");
        } finally {
            sim.org().disableAdvancedCurrencyManagement();
        }
    }

    @Test
    void aDeletedDealLeavesThePartnersActualsAtTheNextIncrementalRun() {
        completed(start("full"));
        String plan = activePlans(1, 0, "1000000").get(0);
        String partner = partnerOf(plan);
        String deal = sim.org().insert("Opportunity", Map.of("Name", "To be deleted", "PartnerAccountId", partner,
                "StageName", "Closed Won", "Amount", new BigDecimal("4321"), "CloseDate", LocalDate.of(THIS_YEAR, 6, 6)));
        completed(start("full"));
        BigDecimal before = actuals(plan).get("revenue_won");
        sim.org().delete(deal);
        completed(start("incremental"));
        assertClose(before.subtract(new BigDecimal("4321")), actuals(plan).get("revenue_won"),
                "the deleted deal no longer counts");
        assertActualsMatchOrg(plan);
    }

    @Test
    void aDealMovedToAnotherPartnerLeavesTheFirstAndCountsForTheSecondAtTheNextIncrementalRun() {
        completed(start("full"));
        List<String> plans = activePlans(2, 0, "1000000");
        String first = partnerOf(plans.get(0));
        String second = partnerOf(plans.get(1));
        String deal = sim.org().insert("Opportunity", Map.of("Name", "Moving deal", "PartnerAccountId", first,
                "StageName", "Closed Won", "Amount", new BigDecimal("5555"), "CloseDate", LocalDate.of(THIS_YEAR, 5, 5)));
        completed(start("full"));
        BigDecimal firstBefore = actuals(plans.get(0)).get("revenue_won");
        BigDecimal secondBefore = actuals(plans.get(1)).get("revenue_won");
        // what the org does when the deal's owner becomes a user of the other partner (system mode sets it directly)
        sim.org().update(deal, Map.of("PartnerAccountId", second));
        completed(start("incremental"));
        assertClose(firstBefore.subtract(new BigDecimal("5555")), actuals(plans.get(0)).get("revenue_won"),
                "the partner the deal left, whose records no change query names");
        assertClose(secondBefore.add(new BigDecimal("5555")), actuals(plans.get(1)).get("revenue_won"),
                "the partner the deal moved to");
        assertActualsMatchOrg(plans.get(0));
        assertActualsMatchOrg(plans.get(1));
    }

    @Test
    void aNewExchangeRateIsReflectedByTheNextIncrementalRun() {
        String pound = sim.org().query("SELECT Id FROM CurrencyType WHERE IsoCode = 'GBP'").stream().findFirst()
                .map(r -> (String) r.get("Id")).orElseGet(() -> sim.org().insert("CurrencyType", Map.of("IsoCode", "GBP",
                        "ConversionRate", 0.8, "DecimalPlaces", 2, "IsActive", true)));
        sim.org().update(pound, Map.of("ConversionRate", 0.8));
        String partner = partners.get(0);
        sim.org().insert("Opportunity", Map.of("Name", "Pound deal", "PartnerAccountId", partner, "StageName",
                "Closed Won", "Amount", new BigDecimal("800"), "CurrencyIsoCode", "GBP",
                "CloseDate", LocalDate.of(THIS_YEAR, 4, 4)));
        completed(start("full"));
        String plan = activePlanIn("GBP", partner);
        completed(start("full"));
        assertClose(wonRevenueIn("GBP", partner), actuals(plan).get("revenue_won"), "revenue_won in GBP at 0.8");

        sim.org().update(pound, Map.of("ConversionRate", 0.5));
        completed(start("incremental"));
        assertClose(wonRevenueIn("GBP", partner), actuals(plan).get("revenue_won"),
                "revenue_won in GBP at the new rate 0.5, though no deal changed");
        JsonObject conversion = admin.get("/jbp/api/v1/plans/" + plan + "/dashboard").json()
                .getJsonObject("currencyConversion");
        assertEquals(0, new BigDecimal("0.5").compareTo(conversion.getJsonNumber("rate").bigDecimalValue()),
                conversion.toString());
    }

    @Test
    void anIncrementalRunJudgesOnlyThePlansItRecomputedAndTheDailyFullRunJudgesPaceForAll() {
        // last year's plan, so the clock moves only within the past and no run of this test starts after the
        // other tests' runs (the module finds the run to resume as the latest started)
        int lastYear = THIS_YEAR - 1;
        int index = 0;
        while (SyncFixtures.wonRevenue(sim.org(), partners.get(index), lastYear).signum() == 0) {
            index++;
        }
        String partner = partners.get(index);
        BigDecimal won = SyncFixtures.wonRevenue(sim.org(), partner, lastYear);
        completed(start("full"));   // the module learns this test's partners
        try {
            // at mid-year, a target of twice what is won is about on pace (the template warns below 80 %)
            setClock(java.time.Instant.parse(lastYear + "-07-02T12:00:00Z"));
            String template = SyncFixtures.template(admin, "Pace " + System.nanoTime());
            String plan = SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans", Fixtures.newPlan(
                    partner, template, SyncFixtures.revenueSections(lastYear,
                            won.multiply(new BigDecimal("2")).toPlainString()), lastYear)));
            completed(start("full"));
            assertTrue(openAlerts(plan, "revenue_won").isEmpty(), "on pace at mid-year: "
                    + admin.get("/jbp/api/v1/plans/" + plan + "/dashboard").body());

            // at the year's end the same actual is about 50 % of the pace; nothing changed in Salesforce
            setClock(java.time.Instant.parse(lastYear + "-12-30T12:00:00Z"));
            completed(start("incremental"));
            assertTrue(openAlerts(plan, "revenue_won").isEmpty(),
                    "an incremental run that re-read none of the plan's records does not re-judge it");
            completed(start("full"));
            assertEquals(1, openAlerts(plan, "revenue_won").size(), "the daily full run judges pace for every plan");
        } finally {
            setClock(java.time.Instant.now());
        }
    }

    @Test
    void aRunJudgesItsPlansWithAQueryPerChunkOfPlansNotOnePerPlan() throws SQLException {
        completed(start("full"));   // the module learns this test's partners
        // far behind their pace: each plan opens an alert and prompts a review in the run below
        activePlans(6, 0, "1000000000");
        long judged = TestEnvironment.count("select count(*) from business_plan where status = 'ACTIVE'");
        // the run judges its eligible plans (ACTIVE, and CLOSED within the grace period) 200 to a chunk
        long chunks = (TestEnvironment.count("select count(*) from business_plan where status in ('ACTIVE', 'CLOSED')")
                + 199) / 200;
        try (Connection c = TestEnvironment.database().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
        completed(start("full"));
        // each chunk is a transaction where a query per plan costs EclipseLink a comparison of all it manages and
        // PostgreSQL a scan of the alerts opened so far: quadratic at 5,000 plans (bench), so one read per chunk
        // the entity reads of each table ("select id, ..."), not the people read-back's union that names them all
        long alertReads = statementsRun("select id, % from kpi_alert where %");
        long reviewReads = statementsRun("select id, % from plan_review where %");
        long ruleReads = statementsRun("select id, % from incentive_rule %");
        String judging = judged + " ACTIVE plans judged in " + chunks + " chunk(s) with ";
        assertTrue(alertReads > 0 && alertReads <= chunks, judging + alertReads + " reads of the open alerts");
        assertTrue(reviewReads <= chunks, judging + reviewReads + " reads of the reviews due");
        assertTrue(ruleReads <= chunks, judging + ruleReads + " reads of the incentive rules");
    }

    /** The plan's line in the admin's portfolio, filtered to its partner's tier. */
    private JsonObject portfolioLine(String plan) {
        return admin.get("/jbp/api/v1/dashboard/portfolio?tier=" + partnerTierOf(partnerOf(plan))).array().stream()
                .map(JsonValue::asJsonObject).filter(l -> l.getString("planId").equals(plan)).findFirst()
                .orElseThrow(() -> new AssertionError("plan " + plan + " is not in the portfolio"));
    }

    /** Calls since the reset of the statements like {@code pattern} (pg_stat_statements, preloaded for the tests). */
    private static long statementsRun(String pattern) {
        return TestEnvironment.count("select coalesce(sum(calls), 0) from pg_stat_statements where query ilike '"
                + pattern + "'");
    }

    private void setClock(java.time.Instant now) {
        assertEquals(200, admin.put("/jbp/api/v1/admin/clock", Json.createObjectBuilder().add("now", now.toString())
                .build()).status());
    }

    private List<JsonObject> openAlerts(String plan, String kpi) {
        return admin.get("/jbp/api/v1/plans/" + plan + "/alerts").array().stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("kpiKey").equals(kpi) && a.getString("status").equals("OPEN")).toList();
    }

    @Test
    void queryTimeoutsAreAnsweredWithSmallerQueriesAndCountedOnTheRun() {
        completed(start("full"));
        List<String> plans = activePlans(8, 0, "1000000");
        // a large org: an Opportunity query over more records than the busiest partner of the org holds takes
        // longer than Salesforce allows, so a query for all eight of these partners at once times out while one
        // for any single partner passes (the run also counts the records of the other tests' plan partners)
        Map<Object, Integer> perPartner = new HashMap<>();
        for (Map<String, Object> opp : sim.org().query("SELECT PartnerAccountId FROM Opportunity")) {
            if (opp.get("PartnerAccountId") != null) {
                perPartner.merge(opp.get("PartnerAccountId"), 1, Integer::sum);
            }
        }
        int busiest = perPartner.values().stream().max(Integer::compare).orElseThrow();
        sim.faults().queryTimeoutOver(busiest, "Opportunity");
        JsonObject run = completed(start("full"));
        assertTrue(run.getInt("querySplits") > 0, "the timeouts were answered and counted: " + run);
        for (String plan : plans) {
            assertActualsMatchOrg(plan);
        }
    }

    @Test
    void aRunStopsAtItsShareOfTheOrgsDailyLimitAndShowsTheBudgetLeft() throws Exception {
        completed(start("full"));
        activePlans(1, 0, "1000000");
        var reset = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sim.baseUrl() + "/sim/admin/reset-daily-usage"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(204, reset.statusCode());
        sim.faults().dailyLimit(100);   // a run may use 10 of them
        JsonObject stopped = finished(start("full"));
        assertEquals("LIMIT_REACHED", stopped.getString("status"), stopped.toString());
        assertTrue(stopped.getString("errors").contains("API_BUDGET_SHARE"), stopped.toString());
        // 10 calls are its share. The run's connector asks before every request it sends, so it stops at the
        // request that would pass the share. One more is possible: the org's limit is learnt from the LimitInfoHeader
        // of a response, so a connector's first request (and the login in front of it) goes out before the share is
        // known
        assertTrue(stopped.getJsonNumber("apiCalls").longValue() <= 10 + 1,
                "stopped at the request where its share was used: " + stopped);
        assertEquals(100, stopped.getJsonNumber("apiLimitToday").longValue());
        assertTrue(stopped.getJsonNumber("apiRemainingToday").longValue() < 100, stopped.toString());
        assertTrue(sim.dailyApiUsage() < 100, "the org was not taken to its limit");
        JsonObject budget = Api.at(deployed).anonymous().get("/jbp/health/ready").json().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("name").equals("salesforce-api-budget"))
                .findFirst().orElseThrow().getJsonObject("data");
        assertEquals(String.valueOf(stopped.getJsonNumber("apiRemainingToday").longValue()),
                budget.getString("apiRemainingToday"), "readiness shows the budget the run read: " + budget);
        assertEquals("100", budget.getString("apiLimitToday"));

        sim.faults().dailyLimit(1_000_000);
        Api.Reply next = admin.post("/jbp/api/v1/sync/runs", Json.createObjectBuilder().add("mode", "full").build());
        assertEquals(stopped.getString("id"), next.json().getString("id"), "the stopped run is resumed");
        completed(next.json());
    }

    // ---- helpers ----

    /** The partner's certifications of an org role value completed this year, counted here from the records. */
    private long completedCertifications(String partner, String orgRole) {
        return sim.org().query("SELECT Completed_Date__c FROM Partner_Certification__c WHERE Account__c = '" + partner
                        + "' AND Status__c = 'Completed' AND Role__c = '" + orgRole + "'").stream()
                .filter(c -> c.get("Completed_Date__c") != null
                        && LocalDate.parse(String.valueOf(c.get("Completed_Date__c"))).getYear() == THIS_YEAR)
                .count();
    }

    private JsonObject start(String mode) {
        return SyncFixtures.start(admin, mode);
    }

    private JsonObject finished(JsonObject run) {
        return SyncFixtures.finished(admin, run);
    }

    private JsonObject completed(JsonObject run) {
        return SyncFixtures.completed(admin, run);
    }

    private void waitUntilIdle() {
        SyncFixtures.untilIdle(admin);
    }

    /** ACTIVE plans for this test's partners {@code from}..{@code from+n-1}, revenue KPI target as given. */
    private List<String> activePlans(int n, int from, String revenueTarget) {
        String template = SyncFixtures.template(admin, "Sync " + System.nanoTime());
        List<String> plans = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            plans.add(SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans", Fixtures.newPlan(
                    partners.get(i), template, SyncFixtures.revenueSections(THIS_YEAR, revenueTarget),
                    THIS_YEAR))));
        }
        return plans;
    }

    /** An ACTIVE plan of this year for the partner in {@code currency}, revenue target 1,000,000. */
    private String activePlanIn(String currency, String partner) {
        String template = SyncFixtures.template(admin, "Sync " + currency + " " + System.nanoTime());
        JsonObject plan = SyncFixtures.inCurrency(Fixtures.newPlan(partner, template,
                SyncFixtures.revenueSections(THIS_YEAR, "1000000"), THIS_YEAR), currency);
        return SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans", plan));
    }

    private String partnerOf(String plan) {
        return admin.get("/jbp/api/v1/plans/" + plan).json().getJsonObject("partner").getString("accountId");
    }

    private Map<String, BigDecimal> actuals(String plan) {
        return SyncFixtures.actuals(admin, plan);
    }

    /** revenue_won and deals_registered, period and quarters, against sums over the org's records. */
    private void assertActualsMatchOrg(String plan) {
        String partner = partnerOf(plan);
        Map<String, BigDecimal> actual = actuals(plan);
        BigDecimal[] revenue = new BigDecimal[5];
        BigDecimal[] deals = new BigDecimal[5];
        java.util.Arrays.fill(revenue, BigDecimal.ZERO);
        java.util.Arrays.fill(deals, BigDecimal.ZERO);
        for (Map<String, Object> opp : sim.org().query("SELECT Amount, CloseDate FROM Opportunity WHERE PartnerAccountId = '"
                + partner + "' AND IsWon = true")) {
            LocalDate close = LocalDate.parse(String.valueOf(opp.get("CloseDate")));
            if (close.getYear() == THIS_YEAR && opp.get("Amount") != null) {
                int q = (close.getMonthValue() - 1) / 3 + 1;
                revenue[q] = revenue[q].add(decimal(opp.get("Amount")));
                revenue[0] = revenue[0].add(decimal(opp.get("Amount")));
            }
        }
        for (Map<String, Object> opp : sim.org().query("SELECT CreatedDate FROM Opportunity WHERE PartnerAccountId = '"
                + partner + "' AND Deal_Registration__c = true")) {
            LocalDate created = LocalDate.parse(String.valueOf(opp.get("CreatedDate")).substring(0, 10));
            if (created.getYear() == THIS_YEAR) {
                int q = (created.getMonthValue() - 1) / 3 + 1;
                deals[q] = deals[q].add(BigDecimal.ONE);
                deals[0] = deals[0].add(BigDecimal.ONE);
            }
        }
        assertClose(weightedOpenPipeline(partner), actual.get("open_pipeline_weighted"), plan + " open_pipeline_weighted");
        for (int q = 0; q <= 4; q++) {
            String suffix = q == 0 ? "" : "#" + q;
            assertClose(revenue[q], actual.get("revenue_won" + suffix), plan + " revenue_won" + suffix);
            assertClose(deals[q], actual.get("deals_registered" + suffix), plan + " deals_registered" + suffix);
        }
    }

    /** Amount x Probability of the partner's open opportunities closing this year, summed. */
    private BigDecimal weightedOpenPipeline(String partner) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> opp : sim.org().query("SELECT Amount, Probability, CloseDate FROM Opportunity "
                + "WHERE PartnerAccountId = '" + partner + "' AND IsClosed = false")) {
            if (LocalDate.parse(String.valueOf(opp.get("CloseDate"))).getYear() == THIS_YEAR && opp.get("Amount") != null) {
                sum = sum.add(decimal(opp.get("Amount")).multiply(decimal(opp.get("Probability")))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            }
        }
        return sum;
    }

    /** The actual so far extended at its daily rate to the end of the plan's period. */
    private BigDecimal runRateProjection(String plan, JsonObject line) {
        JsonObject dashboard = admin.get("/jbp/api/v1/plans/" + plan + "/dashboard").json();
        LocalDate start = LocalDate.parse(dashboard.getString("periodStart"));
        LocalDate end = LocalDate.parse(dashboard.getString("periodEnd"));
        LocalDate asOf = LocalDate.parse(dashboard.getString("asOf"));
        long total = java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
        long elapsed = Math.min(total, java.time.temporal.ChronoUnit.DAYS.between(start, asOf) + 1);
        BigDecimal actual = line.getJsonNumber("actual").bigDecimalValue();
        return actual.add(actual.multiply(BigDecimal.valueOf(total - elapsed))
                .divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP));
    }

    /** The partner's won revenue of this year in {@code currency}, from the raw records; months from..to. */
    private BigDecimal wonRevenueIn(String currency, String partner, int fromMonth, int toMonth) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> opp : sim.org().query("SELECT Amount, CurrencyIsoCode, CloseDate FROM Opportunity "
                + "WHERE PartnerAccountId = '" + partner + "' AND IsWon = true")) {
            LocalDate close = LocalDate.parse(String.valueOf(opp.get("CloseDate")));
            if (close.getYear() == THIS_YEAR && close.getMonthValue() >= fromMonth && close.getMonthValue() <= toMonth
                    && opp.get("Amount") != null) {
                String own = opp.get("CurrencyIsoCode") == null ? "USD" : String.valueOf(opp.get("CurrencyIsoCode"));
                // the org converts each record at the rate of its CloseDate, the module the month's back out of USD
                BigDecimal usd = decimal(opp.get("Amount")).divide(rateOn(own, close), 10, RoundingMode.HALF_UP);
                sum = sum.add(usd.multiply(rateOn(currency, close.withDayOfMonth(1))));
            }
        }
        return sum.setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal wonRevenueIn(String currency, String partner) {
        return wonRevenueIn(currency, partner, 1, 12);
    }

    /** The org's rate for a currency on a day: its dated rate with advanced currency management, else CurrencyType. */
    private BigDecimal rateOn(String currency, LocalDate day) {
        if ("USD".equals(currency)) {
            return BigDecimal.ONE;
        }
        if (sim.org().hasAdvancedCurrencyManagement()) {
            for (Map<String, Object> rate : sim.org().query("SELECT StartDate, NextStartDate, ConversionRate FROM "
                    + "DatedConversionRate WHERE IsoCode = '" + currency + "'")) {
                if (!LocalDate.parse(String.valueOf(rate.get("StartDate"))).isAfter(day)
                        && LocalDate.parse(String.valueOf(rate.get("NextStartDate"))).isAfter(day)) {
                    return decimal(rate.get("ConversionRate"));
                }
            }
        }
        return decimal(sim.org().query("SELECT ConversionRate FROM CurrencyType WHERE IsoCode = '" + currency + "'")
                .get(0).get("ConversionRate"));
    }

    private BigDecimal expectedRevenue(String partner) {
        return SyncFixtures.wonRevenue(sim.org(), partner, THIS_YEAR);
    }

    private static void assertClose(BigDecimal expected, BigDecimal actual, String what) {
        BigDecimal value = actual == null ? BigDecimal.ZERO : actual;
        assertTrue(expected.subtract(value).abs().compareTo(new BigDecimal("0.05")) <= 0,
                what + ": expected " + expected + " but the sync recorded " + actual);
    }

    private static JsonObject line(JsonObject dashboard, String section, String key) {
        return dashboard.getJsonArray(section).stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getString("key").equals(key)).findFirst().orElseThrow(() -> new AssertionError(
                        key + " missing from " + dashboard));
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }

    private static String partnerTierOf(String partner) {
        try {
            return partnerTier(partner);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String partnerTier(String partner) throws SQLException {
        try (Connection c = TestEnvironment.database().getConnection();
             PreparedStatement s = c.prepareStatement("select tier from partner where account_id = ?")) {
            s.setString(1, partner);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestEnvironment.database().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = TestEnvironment.database().getConnection();
             PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void sleep(long millis) {
        SyncFixtures.sleep(millis);
    }
}
