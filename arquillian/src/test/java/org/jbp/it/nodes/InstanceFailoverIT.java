package org.jbp.it.nodes;

import org.jbp.it.DeployedWar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.jbp.it.Api;
import org.jbp.it.Fixtures;
import org.jbp.it.SyncFixtures;
import org.jbp.it.TestEnvironment;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one installation (the Arquillian deployment and a second Payara Micro process on the same
 * PostgreSQL and Salesforce org), and the second one killed with SIGKILL in the middle of its work: a sync run is
 * taken over by the surviving node and ends with the result of an uninterrupted run; writes in flight when the
 * delivering node died reach Salesforce exactly once after it restarts; a plan edited on one node reads as edited on
 * the other (each node keeps parsed plan content per row version).
 */
class InstanceFailoverIT extends DeployedWar {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();
    private static OrgGenerator.Generated generated;

    SalesforceSimulator sim;
    SecondInstance second;

    @BeforeEach
    void connect() {
        sim = TestEnvironment.simulator();
        synchronized (InstanceFailoverIT.class) {
            if (generated == null) {
                generated = OrgGenerator.generate(sim.org(), GeneratorSpec.of(120, 3_000, 200, 500, 11));
            }
        }
        sim.faults().clear();
    }

    @AfterEach
    void stopSecondInstance() {
        sim.faults().clear();
        if (second != null) {
            second.close();
        }
    }

    // ---- tests ----

    @Test
    void syncRunOfAKilledNodeIsTakenOverByTheOtherAndEndsWithTheUninterruptedResult() throws SQLException {
        completed(admin, start(admin, "full"));
        List<String> plans = activePlans(6);
        second = SecondInstance.start("failover-sync", Map.of());
        Api onSecond = Api.at(second.url()).as(Fixtures.adminToken());

        // slow calls keep the run in its facts phase long enough to kill the node there
        sim.faults().latencyMillis(300);
        JsonObject run = start(onSecond, "full");
        String id = run.getString("id");
        String secondNode = run.getString("instance");
        awaitOrFail(() -> {
            JsonObject now = onSecond.get("/jbp/api/v1/sync/runs/" + id).json();
            return "FACTS".equals(now.getString("phase")) && now.getInt("itemsDone") >= 2;
        }, 180, "the second node's run reaches its facts phase");
        Api.Reply refused = admin.post("/jbp/api/v1/sync/runs", Json.createObjectBuilder().add("mode", "full").build());
        assertEquals(409, refused.status(), "one run at a time across nodes: " + refused.body());
        assertEquals(id, refused.json().getJsonObject("run").getString("id"), "the refusal names the other node's run");

        second.kill();
        sim.faults().clear();
        assertEquals("RUNNING", admin.get("/jbp/api/v1/sync/runs/" + id).json().getString("status"),
                "the dead node could not record anything");

        // the surviving node's scheduler tick notices the expired lease and resumes the run from its checkpoint
        JsonObject done = completed(admin, Json.createObjectBuilder().add("id", id).build());
        assertNotEquals(secondNode, done.getString("instance"), "finished by the surviving node: " + done);
        assertEquals(2, done.getInt("executions"), done.toString());

        Map<String, Map<String, BigDecimal>> afterTakeover = new HashMap<>();
        BigDecimal revenue = BigDecimal.ZERO;
        for (String plan : plans) {
            afterTakeover.put(plan, actuals(plan));
            revenue = revenue.add(assertRevenueMatchesOrg(plan));
        }
        assertTrue(revenue.signum() > 0, "the taken-over run had revenue to compute, not only zeros");
        long points = count("select count(*) from kpi_actual");
        completed(admin, start(admin, "full"));
        for (String plan : plans) {
            assertEquals(afterTakeover.get(plan), actuals(plan), "an uninterrupted run computes the same: " + plan);
        }
        assertEquals(points, count("select count(*) from kpi_actual"),
                "nothing counted twice: the rerun found every value already stored");
    }

    @Test
    void writesInFlightWhenTheDeliveringNodeIsKilledReachSalesforceExactlyOnce() throws SQLException {
        String account = sim.org().insert("Account", Map.of("Name", "Failover partner " + System.nanoTime(),
                "IsPartner", true));
        assertEquals(200, admin.put("/jbp/api/v1/partners/" + account, Fixtures.partner("Failover " + account, "Gold"))
                .status());
        String plan = approvedPlanWithCampaigns(account, 30);
        assertEquals(30, count("select count(*) from crm_outbox where kind = 'FUND_REQUEST_UPSERT' and status = 'PENDING'"));

        // batches of 10: the second batch is committed in Salesforce and its answer held back when the node dies
        second = SecondInstance.start("failover-outbox", Map.of("JBP_OUTBOX_BATCH_SIZE", "10"));
        Api onSecond = Api.at(second.url()).as(Fixtures.adminToken());
        sim.faults().stallNextAfterCommit(1, "upsert", 0).stallNextAfterCommit(1, "upsert", 120_000);
        CompletableFuture.runAsync(() -> {
            try {
                onSecond.post("/jbp/api/v1/crm/writes/deliveries", "");
            } catch (RuntimeException expected) {
                // the node dies under this request
            }
        });
        awaitOrFail(() -> sim.faults().stalling() == 1, 180, "the second batch is committed and its answer held");
        assertEquals(20, fundRequestsInOrg(plan), "two batches landed in Salesforce");
        assertEquals(10, count("select count(*) from crm_outbox where kind = 'FUND_REQUEST_UPSERT' "
                + "and status = 'DELIVERED'"), "the node only learned of the first");
        second.kill();
        second = null;

        // after the restart the writes it held are leased still; once the lease runs out the node delivers them
        second = SecondInstance.start("failover-outbox-restarted", Map.of("JBP_OUTBOX_BATCH_SIZE", "10"));
        Api restarted = Api.at(second.url()).as(Fixtures.adminToken());
        long upsertsBefore = sim.apiCalls().count("upsert");
        awaitOrFail(() -> {
            restarted.post("/jbp/api/v1/crm/writes/deliveries", "");
            return count("select count(*) from crm_outbox where status = 'PENDING'") == 0;
        }, 120, "the restarted node delivers what was left");

        assertEquals(30, fundRequestsInOrg(plan), "each campaign's request exists once in Salesforce");
        assertEquals(30, sim.org().query("SELECT JBP_External_Id__c FROM PartnerFundRequest WHERE JBP_External_Id__c "
                + "LIKE 'jbp-mdf-" + plan + "-%'").stream().map(r -> r.get("JBP_External_Id__c")).distinct().count());
        assertEquals(30, count("select count(*) from crm_outbox where kind = 'FUND_REQUEST_UPSERT' and status = 'DELIVERED'"));
        assertEquals(0, admin.get("/jbp/api/v1/crm/writes?status=failed").json().getInt("total"));
        assertTrue(sim.apiCalls().count("upsert") - upsertsBefore <= 2, "the remaining 20 in batches of 10");
        for (JsonObject request : admin.get("/jbp/api/v1/plans/" + plan + "/funds").json().getJsonArray("requests")
                .getValuesAs(JsonObject.class)) {
            String inOrg = (String) sim.org().query("SELECT Id FROM PartnerFundRequest WHERE JBP_External_Id__c = '"
                    + request.getString("externalId") + "'").get(0).get("Id");
            assertEquals(inOrg, request.getString("crmId"), "the plan links the one record Salesforce has");
        }
    }

    @Test
    void aPlanEditedOnOneNodeShowsTheEditOnTheOther() {
        // each node keeps the content it parsed per plan version (PlanContents): the other node's edit is a new one
        String account = Fixtures.newAccountId();
        assertEquals(200, admin.put("/jbp/api/v1/partners/" + account, Fixtures.partner("Partner " + account, "Gold"))
                .status());
        Api.Reply template = admin.post("/jbp/api/v1/templates",
                Fixtures.combinedTemplate("Two-node template " + System.nanoTime()).build());
        assertEquals(201, template.status(), template.body());
        Api cam = Api.at(deployed).as(Fixtures.camToken());
        Api.Reply created = cam.post("/jbp/api/v1/plans",
                Fixtures.newPlan(account, template.json().getString("id"), Fixtures.sixSections()));
        assertEquals(201, created.status(), created.body());
        String plan = "/jbp/api/v1/plans/" + created.json().getString("id");
        second = SecondInstance.start("two-node-content", Map.of());
        Api camOnSecond = Api.at(second.url()).as(Fixtures.camToken());
        assertEquals(12, coSellTarget(camOnSecond.get(plan).json()), "the second node has read the plan as created");

        // a section lives only in the plan's content JSON (the title has a column of its own)
        Api.Reply edited = cam.patch(plan, cam.get(plan).header("ETag"),
                "{\"sections\":{\"coSell\":{\"engagementsTarget\":20}}}");
        assertEquals(200, edited.status(), edited.body());

        assertEquals(20, coSellTarget(camOnSecond.get(plan).json()),
                "the second node shows the plan as the first node saved it");
    }

    private static int coSellTarget(JsonObject plan) {
        return plan.getJsonObject("sections").getJsonObject("coSell").getInt("engagementsTarget");
    }

    // ---- helpers ----

    private static JsonObject start(Api api, String mode) {
        return SyncFixtures.start(api, mode);
    }

    private static JsonObject completed(Api api, JsonObject run) {
        return SyncFixtures.completed(api, run);
    }

    private List<String> activePlans(int n) {
        String template = SyncFixtures.template(admin, "Failover " + System.nanoTime());
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            plans.add(SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans", Fixtures.newPlan(
                    generated.partnerIds().get(i), template, SyncFixtures.revenueSections(THIS_YEAR, "1000000"),
                    THIS_YEAR))));
        }
        return plans;
    }

    private String approvedPlanWithCampaigns(String account, int campaigns) {
        JsonObject base = Fixtures.sixSections(THIS_YEAR);
        var list = Json.createArrayBuilder();
        for (int i = 0; i < campaigns; i++) {
            list.add(Json.createObjectBuilder().add("key", "campaign-" + i).add("name", "Campaign " + i)
                    .add("tactic", "WEBINAR").add("audience", "Retail CIOs")
                    .add("startDate", THIS_YEAR + "-03-01").add("endDate", THIS_YEAR + "-03-31")
                    .add("mdfRequested", Json.createObjectBuilder().add("amount", 1_000 + i).add("currency", "USD")));
        }
        JsonObject sections = Json.createObjectBuilder(base).add("campaigns", list).build();
        return SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans", Fixtures.newPlan(account,
                SyncFixtures.template(admin, "Funds " + System.nanoTime()), sections, THIS_YEAR)));
    }

    private Map<String, BigDecimal> actuals(String plan) {
        return SyncFixtures.actuals(admin, plan);
    }

    /** The period's won revenue against the sum over the org's own records; returns it. */
    private BigDecimal assertRevenueMatchesOrg(String plan) {
        String partner = admin.get("/jbp/api/v1/plans/" + plan).json().getJsonObject("partner").getString("accountId");
        BigDecimal expected = SyncFixtures.wonRevenue(sim.org(), partner, THIS_YEAR).setScale(2, RoundingMode.HALF_UP);
        assertEquals(expected, actuals(plan).getOrDefault("revenue_won", BigDecimal.ZERO), plan + " revenue_won");
        return expected;
    }

    private int fundRequestsInOrg(String plan) {
        return sim.org().query("SELECT Id FROM PartnerFundRequest WHERE JBP_External_Id__c LIKE 'jbp-mdf-" + plan + "-%'")
                .size();
    }

    private static long count(String sql) {
        return TestEnvironment.count(sql);
    }

    private static void awaitOrFail(BooleanSupplier condition, int seconds, String what) {
        long deadline = System.currentTimeMillis() + seconds * 1_000L;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting until " + what);
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        SyncFixtures.sleep(millis);
    }
}
