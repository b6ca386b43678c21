package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closed revenue, pipeline and registered deals are targeted once, in the revenue section: a KPI measuring the
 * same figure takes its target from there (still listed under sections.kpis for readers of the API), follows
 * an edit of the revenue section, and a second, different figure for it is refused at the KPI.
 */
class RevenueTargetsOnceIT extends DeployedWar {

    private static final int YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();

    String template;

    @BeforeEach
    void setUp() {
        template = SyncFixtures.template(admin, "Targets once " + System.nanoTime());
    }

    private Api.Reply create(JsonObject sections) {
        String account = newPartner("Gold");
        return cam.post("/jbp/api/v1/plans", Fixtures.newPlan(account, template, sections, YEAR));
    }

    private static BigDecimal target(JsonObject plan, String kpiKey) {
        return plan.getJsonObject("sections").getJsonArray("kpis").getValuesAs(JsonObject.class).stream()
                .filter(k -> kpiKey.equals(k.getString("kpiKey"))).findFirst()
                .orElseThrow(() -> new AssertionError("no KPI " + kpiKey + " in " + plan)).getJsonNumber("target").bigDecimalValue();
    }

    @Test
    void kpisTheRevenueSectionTargetsNeedNoSecondEntryAndFollowItsEdits() {
        // the KPI section without closed revenue and deals: only the revenue section names them
        JsonObject sections = Json.createObjectBuilder(Fixtures.sixSections(YEAR)).add("kpis", Json.createArrayBuilder()).build();
        Api.Reply created = create(sections);
        assertEquals(201, created.status(), created.body());
        JsonObject plan = created.json();
        assertEquals(0, new BigDecimal("1000000").compareTo(target(plan, "revenue_won")), plan.toString());
        assertEquals(0, new BigDecimal("40").compareTo(target(plan, "deals_registered")), plan.toString());
        String id = plan.getString("id");
        assertTrue(plan.getJsonArray("missingForSubmission").stream().noneMatch(m -> m.toString().contains("kpis")),
                "nothing left to enter in the KPI section: " + plan.getJsonArray("missingForSubmission"));

        Api.Reply current = cam.get("/jbp/api/v1/plans/" + id);
        Api.Reply raised = cam.patch("/jbp/api/v1/plans/" + id, current.header("ETag"),
                "{\"sections\":{\"revenue\":{\"closedRevenue\":{\"amount\":1200000,\"currency\":\"USD\"}}}}");
        assertEquals(200, raised.status(), raised.body());
        assertEquals(0, new BigDecimal("1200000").compareTo(target(raised.json(), "revenue_won")), raised.body());

        JsonObject dashboard = cam.get("/jbp/api/v1/plans/" + id + "/dashboard").json();
        BigDecimal kpiLine = dashboard.getJsonArray("kpis").getValuesAs(JsonObject.class).stream()
                .filter(l -> "revenue_won".equals(l.getString("key"))).findFirst().orElseThrow()
                .getJsonNumber("target").bigDecimalValue();
        assertEquals(0, new BigDecimal("1200000").compareTo(kpiLine), "one figure wherever it is shown: " + dashboard);
    }

    @Test
    void aSecondDifferentFigureForClosedRevenueIsRefusedAtTheKpi() {
        JsonObject sections = Json.createObjectBuilder(Fixtures.sixSections(YEAR)).add("kpis", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kpiKey", "revenue_won").add("target", 900_000))).build();
        Api.Reply refused = create(sections);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(refused.body().contains("\"sections.kpis[0].target\""), refused.body());
        assertTrue(refused.body().contains("sections.revenue.closedRevenue"), refused.body());

        // a client that sends the same figure twice, as before, is served as before
        Api.Reply same = create(Fixtures.sixSections(YEAR));
        assertEquals(201, same.status(), same.body());
        String id = same.json().getString("id");
        Api.Reply current = cam.get("/jbp/api/v1/plans/" + id);
        Api.Reply changed = cam.patch("/jbp/api/v1/plans/" + id, current.header("ETag"),
                "{\"sections\":{\"kpis\":[{\"kpiKey\":\"revenue_won\",\"target\":5}]}}");
        assertEquals(422, changed.status(), changed.body());
        assertTrue(changed.body().contains("\"sections.kpis[0].target\""), changed.body());
        assertEquals(0, new BigDecimal("1000000").compareTo(target(cam.get("/jbp/api/v1/plans/" + id).json(), "revenue_won")),
                "nothing saved");
    }
}
