package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.jbp.sfsim.Org;

/** CRM writes that Salesforce refuses, for the tests of what an admin does about them. */
public final class WriteFixtures {

    public static final String RULE = "JBP_Test_Refuse_All";

    private WriteFixtures() {
    }

    /**
     * An ACTIVE plan of a partner that exists in {@code org}, whose one fund request (15,000 USD, from
     * {@link Fixtures#sixSections(int)}) the org refuses with a validation rule until {@link Org#clearValidationRules}:
     * after a delivery pass its write is FAILED. Returns the plan id.
     */
    public static String refusedFundRequest(Api admin, Api approver, Org org, String template, int year) {
        String account = org.insert("Account", Map.of("Name", "Refused " + System.nanoTime(), "IsPartner", true));
        var partner = admin.put("/jbp/api/v1/partners/" + account, Fixtures.partner("Partner " + account, "Gold"));
        assertEquals(200, partner.status(), partner.body());
        // a validation rule as an admin of the org would add one (Salesforce Help: "Validation Rules")
        org.addValidationRule("PartnerFundRequest", RULE, r -> true, "Fund requests are paused for the audit",
                "RequestedAmount");
        String plan = SyncFixtures.activate(admin, approver,
                admin.post("/jbp/api/v1/plans", Fixtures.newPlan(account, template, Fixtures.sixSections(year), year)));
        deliver(admin);
        return plan;
    }

    /** One delivery pass now (the scheduler is off in tests). */
    public static JsonObject deliver(Api admin) {
        var reply = admin.post("/jbp/api/v1/crm/writes/deliveries", "");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** The stopped writes of {@code plan}, as the admin's list shows them; at least one. */
    public static List<JsonObject> stopped(Api admin, String plan) {
        return stopped(admin, plan, true);
    }

    public static List<JsonObject> stopped(Api admin, String plan, boolean required) {
        var reply = admin.get("/jbp/api/v1/crm/write-failures?size=500");
        assertEquals(200, reply.status(), reply.body());
        List<JsonObject> mine = reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(w -> plan.equals(w.getString("planId", null))).toList();
        assertTrue(!required || !mine.isEmpty(), "no stopped write of plan " + plan + ": " + reply.body());
        return mine;
    }

    public static int fundRequestsInOrg(Org org, String plan) {
        return org.query("SELECT Id FROM PartnerFundRequest WHERE JBP_External_Id__c LIKE 'jbp-mdf-" + plan + "-%'").size();
    }
}
