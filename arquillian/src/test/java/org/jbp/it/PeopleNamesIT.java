package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * People by name, not by Salesforce id: the owner as their own token named them, and an approver who never signed
 * in as their Salesforce User record names them once a KPI sync has run.
 */
class PeopleNamesIT extends DeployedWar {

    private String partner() {
        return newPartner("Gold");
    }

    private String template(JsonObject chainStep) {
        var body = Fixtures.combinedTemplate("Named approver " + System.nanoTime())
                .add("partnerAcceptance", false)
                .add("approvalChain", Json.createArrayBuilder().add(chainStep)).build();
        var reply = admin.post("/jbp/api/v1/templates", body);
        assertEquals(201, reply.status(), reply.body());
        String id = reply.json().getString("id");
        // the admin's template list names each version's author
        assertEquals("Ada Admin", reply.json().getString("createdByName", null), reply.body());
        assertEquals("Ada Admin", admin.get("/jbp/api/v1/templates/" + id + "/versions").array().getJsonObject(0)
                .getString("createdByName", null));
        return id;
    }

    @Test
    void someoneOpeningAPlanSeesItsOwnerByTheNameTheOwnersTokenCarries() throws SQLException {
        String template = template(Json.createObjectBuilder().add("name", "Channel director").add("role", "approver")
                .add("slaHours", 48).build());
        var created = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(partner(), template, Fixtures.sixSections()));
        assertEquals(201, created.status(), created.body());
        String plan = created.json().getString("id");

        JsonObject read = approver.get("/jbp/api/v1/plans/" + plan).json();
        assertEquals(Fixtures.CAM, read.getString("ownerId"), "the id stays for existing clients");
        assertEquals("Carl Channel", read.getString("ownerName", null), "the owner by name: " + read);
        assertEquals("Carl Channel", read.getString("createdByName", null));
        JsonObject listed = approver.get("/jbp/api/v1/plans").array().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(plan)).findFirst().orElseThrow();
        assertEquals("Carl Channel", listed.getString("ownerName", null), "the portfolio list names the owner too");
        JsonObject revision = approver.get("/jbp/api/v1/plans/" + plan + "/revisions").array().getJsonObject(0);
        assertEquals(Fixtures.CAM, revision.getString("author"));
        assertEquals("Carl Channel", revision.getString("authorName", null));

        // the owner keeps using the module: nothing about them changed, so nothing is written again
        Timestamp recorded = directoryUpdatedAt(Fixtures.to18(Fixtures.CAM));
        for (int i = 0; i < 5; i++) {
            assertEquals(200, cam.get("/jbp/api/v1/plans/" + plan).status());
        }
        assertEquals(recorded, directoryUpdatedAt(Fixtures.to18(Fixtures.CAM)));
    }

    @Test
    void anApproverWhoNeverSignedInIsShownByTheirSalesforceNameAfterASync() {
        String quinn = TestEnvironment.simulator().org().insert("User", Map.of(
                "Username", "quinn.rivera." + System.nanoTime() + "@vendor.example", "FirstName", "Quinn",
                "LastName", "Rivera", "Email", "quinn.rivera@vendor.example", "Alias", "qrive", "IsActive", true,
                "UserType", "Standard"));
        String template = template(Json.createObjectBuilder().add("name", "VP sales").add("user", quinn)
                .add("slaHours", 72).build());
        var created = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(partner(), template, Fixtures.sixSections()));
        assertEquals(201, created.status(), created.body());
        String plan = created.json().getString("id");
        var submitted = cam.post("/jbp/api/v1/plans/" + plan + "/submit", "");
        assertEquals(200, submitted.status(), submitted.body());

        JsonObject waiting = step(admin.get("/jbp/api/v1/plans/" + plan).json());
        assertEquals(quinn, waiting.getString("approverUser"));
        assertFalse(waiting.containsKey("approverUserName"), "nobody has named the approver yet: " + waiting);

        JsonObject run = SyncFixtures.completed(admin, SyncFixtures.start(admin, "full"));
        // the admin's page names who asked for a run, one run or the history
        assertEquals(Fixtures.ADMIN, run.getString("requestedBy"));
        assertEquals("Ada Admin", run.getString("requestedByName", null), run.toString());
        assertTrue(admin.get("/jbp/api/v1/sync/runs").array().stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("id").equals(run.getString("id")))
                .anyMatch(r -> "Ada Admin".equals(r.getString("requestedByName", null))), "the history names them too");

        JsonObject named = step(admin.get("/jbp/api/v1/plans/" + plan).json());
        assertEquals(quinn, named.getString("approverUser"));
        assertEquals("Quinn Rivera", named.getString("approverUserName", null), "named after the sync: " + named);
        List<JsonObject> chain = cam.get("/jbp/api/v1/plans/" + plan + "/approvals").array()
                .getValuesAs(JsonObject.class);
        assertTrue(chain.stream().anyMatch(s -> quinn.equals(s.getString("approverUser", null))
                && "Quinn Rivera".equals(s.getString("approverUserName", null))), chain.toString());
    }

    private static JsonObject step(JsonObject plan) {
        return plan.getJsonObject("lifecycle").getJsonObject("currentStep");
    }

    private static Timestamp directoryUpdatedAt(String userId) throws SQLException {
        try (Connection c = TestEnvironment.database().getConnection();
             PreparedStatement s = c.prepareStatement("select updated_at from user_directory where user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "the owner is in the directory");
                return r.getTimestamp(1);
            }
        }
    }
}
