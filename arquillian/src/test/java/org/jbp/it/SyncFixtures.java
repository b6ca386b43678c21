package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jbp.sfsim.Org;

/** Sync runs and ACTIVE plans over the API, shared by the tests that sync against the simulator. */
public final class SyncFixtures {

    private SyncFixtures() {
    }

    /**
     * Asks {@code api}'s node for a run; 202 expected, also the moment the previous run shows it ended: a run lets
     * go of its lease in the transaction that ends it, so it never refuses the next one once it reads as ended.
     */
    public static JsonObject start(Api api, String mode) {
        Api.Reply reply = api.post("/jbp/api/v1/sync/runs", Json.createObjectBuilder().add("mode", mode).build());
        assertEquals(202, reply.status(), reply.body());
        return reply.json();
    }

    /** Waits until no run shows RUNNING on {@code admin}'s node, so the next test starts on an idle sync. */
    public static void untilIdle(Api admin) {
        Api.Reply runs = admin.get("/jbp/api/v1/sync/runs");
        assertEquals(200, runs.status(), runs.body());
        for (jakarta.json.JsonValue run : runs.array()) {
            if ("RUNNING".equals(run.asJsonObject().getString("status"))) {
                finished(admin, run.asJsonObject());
            }
        }
    }

    /** After a test that injected faults or a daily limit: the simulated org answers normally again, no run left. */
    public static void resetOrg(org.jbp.sfsim.SalesforceSimulator sim, Api admin) {
        sim.faults().clear();
        sim.faults().dailyLimit(1_000_000);
        untilIdle(admin);
    }

    /** The run once it is no longer RUNNING, whatever the outcome. */
    public static JsonObject finished(Api api, JsonObject run) {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject now = api.get("/jbp/api/v1/sync/runs/" + run.getString("id")).json();
            if (!"RUNNING".equals(now.getString("status"))) {
                return now;
            }
            sleep(100);
        }
        return fail("sync run did not finish: " + run);
    }

    public static JsonObject completed(Api api, JsonObject run) {
        JsonObject end = finished(api, run);
        assertEquals("COMPLETED", end.getString("status"), end.toString());
        return end;
    }

    /** A combined template for every tier, one approval step, no partner acceptance. */
    public static String template(Api admin, String name) {
        var body = Fixtures.combinedTemplate(name)
                .add("tiers", Json.createArrayBuilder().add("Platinum").add("Gold").add("Silver").add("Registered"))
                .add("partnerAcceptance", false)
                .add("approvalChain", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Channel director").add("role", "approver").add("slaHours", 48)))
                .build();
        var reply = admin.post("/jbp/api/v1/templates", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    /**
     * The six sections of {@code year} with a revenue_won target and a deals_registered KPI, the revenue section
     * giving the same figures (a plan targets each once; no breakdown, which would exceed a small target).
     */
    public static JsonObject revenueSections(int year, String revenueTarget) {
        JsonObject revenue = Json.createObjectBuilder(Fixtures.sixSections(year).getJsonObject("revenue"))
                .add("closedRevenue", Json.createObjectBuilder().add("amount", new BigDecimal(revenueTarget)).add("currency", "USD"))
                .add("registeredDeals", 0).remove("breakdown").build();
        return Json.createObjectBuilder(Fixtures.sixSections(year)).add("revenue", revenue).add("kpis", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kpiKey", "revenue_won").add("target", new BigDecimal(revenueTarget)))
                .add(Json.createObjectBuilder().add("kpiKey", "deals_registered").add("target", 0))).build();
    }

    /** The plan with its currency and every amount of its sections in {@code currency} instead of USD. */
    public static JsonObject inCurrency(JsonObject plan, String currency) {
        try (var reader = Json.createReader(new java.io.StringReader(plan.toString()
                .replace("\"USD\"", "\"" + currency + "\"")))) {
            return reader.readObject();
        }
    }

    /** Submits the plan just created and approves its one step: the plan is ACTIVE. */
    public static String activate(Api admin, Api approver, Api.Reply created) {
        assertEquals(201, created.status(), created.body());
        String plan = created.json().getString("id");
        var submitted = admin.post("/jbp/api/v1/plans/" + plan + "/submit", "");
        assertEquals(200, submitted.status(), submitted.body());
        JsonObject step = admin.get("/jbp/api/v1/plans/" + plan).json().getJsonObject("lifecycle").getJsonObject("currentStep");
        var approved = approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + step.getString("id") + "/approve", "");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("ACTIVE", admin.get("/jbp/api/v1/plans/" + plan).json().getString("status"));
        return plan;
    }

    /** The plan's current actuals by metric (and metric#quarter), to cents. */
    public static Map<String, BigDecimal> actuals(Api admin, String plan) {
        Map<String, BigDecimal> values = new HashMap<>();
        admin.get("/jbp/api/v1/plans/" + plan + "/actuals").json()
                .forEach((k, v) -> values.put(k, new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP)));
        return values;
    }

    /** Won revenue of {@code partner} closing in {@code year}, summed here over the org's own opportunities. */
    public static BigDecimal wonRevenue(Org org, String partner, int year) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> opp : org.query("SELECT Amount, CloseDate FROM Opportunity WHERE PartnerAccountId = '"
                + partner + "' AND IsWon = true")) {
            if (LocalDate.parse(String.valueOf(opp.get("CloseDate"))).getYear() == year && opp.get("Amount") != null) {
                sum = sum.add(new BigDecimal(String.valueOf(opp.get("Amount"))));
            }
        }
        return sum;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
