package org.jbp.it.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jbp.it.Api;
import org.jbp.it.DeployedWar;
import org.jbp.it.Fixtures;
import org.jbp.it.SyncFixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /plans/{id}/tab}, the one read the tab opens a plan with: every part equal to what its own endpoint
 * answers, the plan's ETag, and the plan read's access policy and refusals.
 */
class PlanTabReadIT extends DeployedWar {

    static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();

    /** Each part of the tab and the endpoint that answers it alone, under the plan's path. */
    static final Map<String, String> PARTS = Map.of("approvals", "/approvals", "comments", "/comments",
            "revisions", "/revisions", "dashboard", "/dashboard", "alerts", "/alerts", "reviews", "/reviews",
            "burnUp", "/burn-up");

    private static String plans(String planId) {
        return "/jbp/api/v1/plans/" + planId;
    }

    private Api.Reply newPlan(String partner, String template) {
        return cam.post("/jbp/api/v1/plans", Fixtures.newPlan(partner, template, Fixtures.sixSections(THIS_YEAR),
                THIS_YEAR));
    }

    @Test
    void theOneReadHoldsWhatEachPartsOwnEndpointAnswers() {
        String template = SyncFixtures.template(admin, "Tab read " + System.nanoTime());
        String partner = newPartner("Gold");
        Api.Reply created = newPlan(partner, template);
        String plan = created.json().getString("id");
        Api partnerUser = api.as(Fixtures.partnerToken(Fixtures.to18(partner), "005000000000077"));
        Api.Reply edited = cam.patch(plans(plan), created.header("ETag"),
                "{\"sections\":{\"coSell\":{\"engagementsTarget\":15}}}");
        assertEquals(200, edited.status(), edited.body());
        Api.Reply thread = cam.post(plans(plan) + "/comments", Json.createObjectBuilder().add("section", "coSell")
                .add("body", "Fifteen engagements?").build());
        assertEquals(201, thread.status(), thread.body());
        assertEquals(201, partnerUser.post(plans(plan) + "/comments", Json.createObjectBuilder()
                .add("replyTo", thread.json().getString("id")).add("body", "Fifteen it is").build()).status());
        SyncFixtures.activate(admin, approver, created);
        // the partner has no deals in the simulated org: its revenue is far behind pace, so alerts open
        SyncFixtures.completed(admin, SyncFixtures.start(admin, "full"));

        for (Api caller : new Api[]{cam, partnerUser, approver}) {
            Api.Reply tab = caller.get(plans(plan) + "/tab");
            assertEquals(200, tab.status(), tab.body());
            Api.Reply alone = caller.get(plans(plan));
            assertEquals(alone.json(), tab.json().getJsonObject("plan"), "the plan as GET /plans/{id} shows it");
            assertEquals(alone.header("ETag"), tab.header("ETag"), "the plan's ETag, for the tab's If-Match");
            assertEquals("\"" + alone.json().getJsonNumber("version").longValue() + "\"", tab.header("ETag"));
            JsonObject templateRef = alone.json().getJsonObject("template");
            assertEquals(caller.get("/jbp/api/v1/templates/" + templateRef.getString("id") + "?version="
                    + templateRef.getInt("version")).json(), tab.json().getJsonObject("template"),
                    "the template version the plan names");
            PARTS.forEach((part, path) -> {
                Api.Reply own = caller.get(plans(plan) + path);
                assertEquals(200, own.status(), own.body());
                assertEquals(Json.createReader(new java.io.StringReader(own.body())).readValue(),
                        tab.json().get(part), part + " as " + path + " answers it");
            });
        }
        JsonObject tab = cam.get(plans(plan) + "/tab").json();
        // a tab with something in each part, so the comparisons above compared something
        assertEquals(1, tab.getJsonArray("approvals").size(), tab.toString());
        assertEquals("Fifteen it is", tab.getJsonArray("comments").getJsonObject(0).getJsonArray("replies")
                .getJsonObject(0).getString("body"));
        assertEquals(2, tab.getJsonArray("revisions").size(), tab.getJsonArray("revisions").toString());
        assertTrue(tab.getJsonArray("alerts").stream().map(JsonValue::asJsonObject)
                .anyMatch(a -> a.getString("status").equals("OPEN")), tab.getJsonArray("alerts").toString());
        assertFalse(tab.getJsonArray("reviews").isEmpty(), "an ACTIVE plan has its reviews scheduled");
        assertFalse(tab.getJsonArray("burnUp").isEmpty(), tab.toString());
        assertFalse(tab.getJsonObject("dashboard").getJsonArray("kpis").isEmpty(), tab.toString());
    }

    @Test
    void aPlanWaitingForApprovalShowsItsPendingStepAndActionsAsThePlanReadDoes() {
        String template = SyncFixtures.template(admin, "Tab approval " + System.nanoTime());
        String plan = newPlan(newPartner("Gold"), template).json().getString("id");
        Api.Reply submitted = admin.post(plans(plan) + "/submit", "");
        assertEquals(200, submitted.status(), submitted.body());

        for (Api caller : new Api[]{cam, approver}) {
            Api.Reply tab = caller.get(plans(plan) + "/tab");
            assertEquals(200, tab.status(), tab.body());
            Api.Reply alone = caller.get(plans(plan));
            assertEquals(alone.json(), tab.json().getJsonObject("plan"), "the plan as GET /plans/{id} shows it");
        }
        // a comparison of something: the step waiting for the approver is the plan's current step, and their
        // decisions are among the actions
        JsonObject tab = approver.get(plans(plan) + "/tab").json();
        JsonObject waiting = tab.getJsonArray("approvals").getJsonObject(0);
        assertEquals("PENDING", waiting.getString("status"), waiting.toString());
        assertEquals(waiting.getString("id"), tab.getJsonObject("plan").getJsonObject("lifecycle")
                .getJsonObject("currentStep").getString("id"), tab.getJsonObject("plan").toString());
        assertTrue(tab.getJsonObject("plan").getJsonArray("allowedActions").contains(Json.createValue("approve")),
                tab.getJsonObject("plan").toString());
    }

    @Test
    void anotherPartnersPlanIsRefusedAsThePlanReadRefusesIt() {
        String template = SyncFixtures.template(admin, "Tab scope " + System.nanoTime());
        String ours = newPartner("Gold");
        String theirs = newPartner("Gold");
        String theirPlan = newPlan(theirs, template).json().getString("id");
        Api ourUser = api.as(Fixtures.partnerToken(Fixtures.to18(ours), "005000000000078"));
        Api theirUser = api.as(Fixtures.partnerToken(Fixtures.to18(theirs), "005000000000079"));
        Api otherManager = api.as(Fixtures.otherCamToken());

        assertEquals(200, theirUser.get(plans(theirPlan) + "/tab").status(), "their own plan");
        for (Api refused : new Api[]{ourUser, otherManager}) {
            Api.Reply plan = refused.get(plans(theirPlan));
            Api.Reply tab = refused.get(plans(theirPlan) + "/tab");
            assertEquals(404, plan.status(), plan.body());
            assertEquals(plan.status(), tab.status(), tab.body());
            assertEquals("application/problem+json", tab.contentType());
            assertFalse(tab.body().contains("\"sections\""), "nothing of the plan: " + tab.body());
        }
    }

    @Test
    void theApiDocumentDescribesTheOneRead() {
        Api.Reply document = api.get("/openapi", "application/json");
        assertEquals(200, document.status());
        JsonObject tab = document.json().getJsonObject("paths").getJsonObject("/api/v1/plans/{id}/tab");
        assertTrue(tab != null && tab.containsKey("get"), "GET /plans/{id}/tab is in the OpenAPI document");
        assertTrue(tab.getJsonObject("get").getJsonObject("responses").containsKey("404"), tab.toString());
    }

    @Test
    void anUnknownPlanIsA404Problem() {
        for (String id : new String[]{UUID.randomUUID().toString(), "not-a-plan-id"}) {
            Api.Reply tab = cam.get(plans(id) + "/tab");
            assertEquals(404, tab.status(), tab.body());
            assertEquals("application/problem+json", tab.contentType());
            assertEquals(cam.get(plans(id)).status(), tab.status());
        }
        assertEquals(401, api.get(plans(UUID.randomUUID().toString()) + "/tab").status(), "no token, no tab");
    }
}
