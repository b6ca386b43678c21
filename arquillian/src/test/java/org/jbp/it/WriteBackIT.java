package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.SalesforceSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CRM write-back end to end: the real WAR writes through its outbox into the Salesforce simulator the test JVM
 * started. Passes are triggered through the admin API (the scheduler is off), the clock moved through the admin
 * clock, and what arrived is counted in the simulator itself.
 */
class WriteBackIT extends DeployedWar {

    private static final int THIS_YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();

    SalesforceSimulator sim;
    Org org;
    /** The second approval step names a Salesforce user, so its Task has a real owner in the org. */
    Api salesforceApprover;
    String salesforceUser;

    @BeforeEach
    void connect() {
        sim = TestEnvironment.simulator();
        org = sim.org();
        salesforceUser = org.adminUserId();
        salesforceApprover = api.as(TestEnvironment.token(salesforceUser, "Sam Salesforce", List.of("approver"), null));
    }

    @AfterEach
    void cleanUp() {
        sim.faults().clear();
        org.clearValidationRules();
        // the next test starts at the time this one started from, not at whatever a backoff needed
        if (!clockMoved.isZero()) {
            moveClock(clockMoved.negated());
        }
        assertTrue(clockMoved.isZero());
    }

    /** How far this test moved the application's clock, so it is moved back afterwards. */
    private Duration clockMoved = Duration.ZERO;

    // ---------------------------------------------------------------- tests

    @Test
    void approvedPlanCreatesEachFundRequestExactlyOnceEvenWhenTheFirstAnswerIsLost() {
        String account = partnerInOrg("Gold");
        String plan = approvedPlan(account, template(), 15_000, 5_000);

        sim.faults().failNextAfterCommit(1, "upsert");
        deliverUntilQuiet();

        JsonObject funds = admin.get("/jbp/api/v1/plans/" + plan + "/funds").json();
        var requests = funds.getJsonArray("requests").getValuesAs(JsonObject.class);
        assertEquals(2, requests.size(), "one request per campaign with MDF: " + funds);
        for (JsonObject request : requests) {
            String externalId = request.getString("externalId");
            assertTrue(externalId.startsWith("jbp-mdf-" + plan + "-"), externalId);
            List<Map<String, Object>> inOrg = org.query("SELECT Id, RequestedAmount, ChannelPartnerId, Status, Title "
                    + "FROM PartnerFundRequest WHERE JBP_External_Id__c = '" + externalId + "'");
            assertEquals(1, inOrg.size(), "exactly once in Salesforce: " + externalId);
            assertEquals("DELIVERED", request.getString("deliveryStatus"));
            assertEquals(inOrg.get(0).get("Id"), request.getString("crmId"));
            assertEquals(0, new BigDecimal(String.valueOf(inOrg.get(0).get("RequestedAmount")))
                    .compareTo(request.getJsonNumber("requestedAmount").bigDecimalValue()));
            assertEquals("Draft", request.getString("salesforceStatus"), "a value Salesforce's restricted picklist takes");
        }

        // approvers' tasks: created for the named approver, closed when the step was decided, once each
        List<Map<String, Object>> tasks = org.query("SELECT Id, Status, OwnerId, WhatId, JBP_External_Id__c FROM Task "
                + "WHERE WhatId = '" + account + "'");
        assertEquals(1, tasks.size(), "one task for the one step with a named approver: " + tasks);
        assertEquals("Completed", tasks.get(0).get("Status"));
        assertEquals(salesforceUser, tasks.get(0).get("OwnerId"));
        assertEquals(0, admin.get("/jbp/api/v1/crm/writes?status=pending").json().getInt("total"));
        assertEquals(0, admin.get("/jbp/api/v1/crm/writes?status=failed").json().getInt("total"));
    }

    @Test
    void writesWaitWhileSalesforceIsDownAndAreDeliveredAfterItRecovers() {
        String account = partnerInOrg("Gold");
        String plan = approvedPlan(account, template(), 20_000);
        // more failures than the connector's own retries (1 + 4) absorb in one call
        sim.faults().failNext(8, "SERVER_UNAVAILABLE");

        JsonObject first = deliver();
        assertEquals(0, first.getInt("delivered"), first.toString());
        assertEquals("TRANSIENT", first.getString("stoppedBy"), first.toString());
        JsonObject waiting = admin.get("/jbp/api/v1/crm/writes?status=pending&size=100").json();
        assertTrue(waiting.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(w -> "SERVER_UNAVAILABLE".equals(w.getString("lastErrorCode", null))), waiting.toString());
        assertEquals(0, deliver().getInt("claimed"), "backing off: nothing is due until the delay passed");
        assertEquals(0, fundRequestsInOrg(plan));

        for (int pass = 0; pass < 6 && pending() > 0; pass++) {
            moveClock(Duration.ofMinutes(70)); // beyond the capped backoff
            deliver();
        }
        assertEquals(0, pending());
        assertEquals(1, fundRequestsInOrg(plan));
    }

    @Test
    void permanentErrorIsParkedWithItsCodeAndDeliveredAfterAnAdminRetry() {
        String account = partnerInOrg("Gold");
        refuseFundRequestsAbove(100_000);
        String plan = approvedPlan(account, template(), 150_000);
        deliverUntilQuiet();

        var failed = admin.get("/jbp/api/v1/crm/writes?status=failed&size=100").json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("externalId").startsWith("jbp-mdf-" + plan)).toList();
        assertEquals(1, failed.size());
        assertEquals("FIELD_CUSTOM_VALIDATION_EXCEPTION", failed.get(0).getString("lastErrorCode"));
        assertTrue(failed.get(0).getString("lastErrorMessage").contains("exceeds the marketing budget"));
        assertEquals(0, fundRequestsInOrg(plan));

        org.clearValidationRules();
        String id = failed.get(0).getString("id");
        var retried = admin.post("/jbp/api/v1/crm/writes/" + id + "/retry", "");
        assertEquals(200, retried.status(), retried.body());
        assertEquals("PENDING", retried.json().getString("status"));
        deliverUntilQuiet();
        assertEquals("DELIVERED", admin.get("/jbp/api/v1/crm/writes/" + id).json().getString("status"));
        assertEquals(1, fundRequestsInOrg(plan));
        assertEquals(409, admin.post("/jbp/api/v1/crm/writes/" + id + "/discard", "").status(),
                "a delivered write cannot be discarded");
    }

    @Test
    void ruleFiresOnceAndMovesThePartnersLevelInSalesforceWithHistory() {
        String program = org.insert("ChannelProgram", Map.of("Name", "Program " + System.nanoTime(), "IsActive", true));
        String gold = org.insert("ChannelProgramLevel", Map.of("Name", "Gold", "ProgramId", program, "Rank", 2));
        String platinum = org.insert("ChannelProgramLevel", Map.of("Name", "Platinum", "ProgramId", program, "Rank", 1));
        String account = partnerInOrg("Gold");
        String member = org.insert("ChannelProgramMember", Map.of("PartnerId", account, "ProgramId", program, "LevelId", gold));
        String template = template();

        var bad = admin.post("/jbp/api/v1/incentive-rules", rule("Broken", template,
                "certifications_completed(technical) >= AND revenue_won >= 80% of target", "Platinum"));
        assertEquals(422, bad.status(), bad.body());
        assertTrue(bad.body().contains("at position 40"), bad.body());

        var saved = admin.post("/jbp/api/v1/incentive-rules", rule("Platinum for certified closers", template,
                "certifications_completed(technical) >= 3 AND revenue_won >= 80% of target", "Platinum"));
        assertEquals(201, saved.status(), saved.body());
        String plan = approvedPlan(account, template, 10_000);
        deliverUntilQuiet();

        record(plan, "certifications_completed(TECHNICAL)", 2, "revenue_won", 900_000);
        assertEquals(0, evaluate(plan).size(), "two of three certifications: not yet");
        record(plan, "certifications_completed(TECHNICAL)", 3, "revenue_won", 900_000);
        var fired = evaluate(plan);
        assertEquals(1, fired.size(), fired.toString());
        assertEquals(0, evaluate(plan).size(), "fires once per period, no flapping");

        JsonObject report = deliver();
        assertEquals(1, report.getInt("delivered"), report.toString());
        assertEquals(platinum, org.get(member).orElseThrow().get("LevelId"));

        var history = admin.get("/jbp/api/v1/partners/" + account + "/tier-history").array().getValuesAs(JsonObject.class);
        assertEquals(1, history.size());
        assertEquals("Gold", history.get(0).getString("oldTier"));
        assertEquals("Platinum", history.get(0).getString("newTier"));
        assertEquals("Platinum for certified closers", history.get(0).getString("ruleName"));
        var comparisons = history.get(0).getJsonObject("evidence").getJsonArray("comparisons").getValuesAs(JsonObject.class);
        assertEquals(2, comparisons.size());
        assertEquals(3, comparisons.get(0).getInt("actual"));
        assertTrue(admin.get("/jbp/api/v1/partners").array().getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> account.equals(p.getString("accountId")) && "Platinum".equals(p.getString("tier"))),
                "the module's copy of the partner follows at once");
    }

    @Test
    void tierARuleWroteToTheProgramMemberIsReadBackSoTwoMoreSyncsWriteNothingMore() {
        String program = org.insert("ChannelProgram", Map.of("Name", "Program " + System.nanoTime(), "IsActive", true));
        String gold = org.insert("ChannelProgramLevel", Map.of("Name", "Gold", "ProgramId", program, "Rank", 3));
        String platinum = org.insert("ChannelProgramLevel", Map.of("Name", "Platinum", "ProgramId", program, "Rank", 4));
        // the Account's own tier field says Gold and nobody updates it: the org's tier is the member's level
        String account = partnerInOrg("Gold");
        org.update(account, Map.of("Partner_Tier__c", "Gold"));
        String member = org.insert("ChannelProgramMember", Map.of("PartnerId", account, "ProgramId", program, "LevelId", gold));
        String template = template();
        var saved = admin.post("/jbp/api/v1/incentive-rules", rule("Platinum once certified " + System.nanoTime(), template,
                "certifications_completed(technical) >= 1", "Platinum"));
        assertEquals(201, saved.status(), saved.body());
        String plan = approvedPlan(account, template, 10_000);
        deliverUntilQuiet();
        org.insert("Partner_Certification__c", Map.of("Name", "Architect", "Account__c", account, "Role__c", "Technical",
                "Status__c", "Completed", "Completed_Date__c", java.time.LocalDate.now(java.time.ZoneOffset.UTC)));

        SyncFixtures.completed(admin, SyncFixtures.start(admin, "full"));
        deliverUntilQuiet();
        assertEquals(platinum, org.get(member).orElseThrow().get("LevelId"), "the rule fired and its write was delivered");
        Object writtenAt = org.get(member).orElseThrow().get("SystemModstamp");
        for (int i = 0; i < 2; i++) {
            SyncFixtures.completed(admin, SyncFixtures.start(admin, "full"));
            deliverUntilQuiet();
        }
        var history = admin.get("/jbp/api/v1/partners/" + account + "/tier-history").array();
        assertEquals(1, history.size(), "one tier change over three syncs: " + history);
        assertEquals(writtenAt, org.get(member).orElseThrow().get("SystemModstamp"), "the member was not written again");
        assertTrue(admin.get("/jbp/api/v1/partners").array().getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> account.equals(p.getString("accountId")) && "Platinum".equals(p.getString("tier"))),
                "the sync reads Platinum back from the member's level");
        assertEquals(1, admin.get("/jbp/api/v1/plans/" + plan + "/actuals").json()
                .getJsonNumber("certifications_completed(TECHNICAL)").intValue());
    }

    @Test
    void mdfEligibilityFromARuleFlagsCampaignsOverTheCapAtSubmit() {
        String account = partnerInOrg("Gold");
        String template = template();
        var saved = admin.post("/jbp/api/v1/incentive-rules", Json.createObjectBuilder()
                .add("name", "MDF cap for starters").add("templateId", template)
                .add("condition", "revenue_won < 50% of target")
                .add("effect", Json.createObjectBuilder().add("type", "MDF_ELIGIBILITY").add("capAmount", 10_000)
                        .add("currency", "USD")).build());
        assertEquals(201, saved.status(), saved.body());
        String first = approvedPlan(account, template, 8_000);
        record(first, "revenue_won", 100_000, null, 0);
        assertEquals(1, evaluate(first).size());

        var next = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(account, template,
                sections(THIS_YEAR + 1, 15_000), THIS_YEAR + 1));
        assertEquals(201, next.status(), next.body());
        String plan = next.json().getString("id");
        var submitted = cam.post("/jbp/api/v1/plans/" + plan + "/submit", "");
        assertEquals(200, submitted.status(), "flagged, not refused: " + submitted.body());
        JsonObject funds = cam.get("/jbp/api/v1/plans/" + plan + "/funds").json();
        var warnings = funds.getJsonArray("warnings").getValuesAs(JsonObject.class);
        assertEquals(1, warnings.size(), funds.toString());
        assertEquals(0, new BigDecimal("10000").compareTo(warnings.get(0).getJsonNumber("cap").bigDecimalValue()));
    }

    @Test
    void salesforceApprovalAndClaimsShowPerCampaignOnTheDashboardAfterASync() {
        String account = partnerInOrg("Gold");
        String plan = approvedPlan(account, template(), 15_000, 5_000);
        deliverUntilQuiet();
        JsonObject before = campaign(dashboard(plan), "campaign-0");
        assertEquals("Draft", before.getString("fundStatus"), before.toString());
        assertEquals(0, BigDecimal.ZERO.compareTo(before.getJsonNumber("mdfApproved").bigDecimalValue()));

        // in Salesforce: the channel manager approves 12,000 of the first, rejects the second; the partner claims
        String first = FundRequestsId.of(plan, "campaign-0");
        org.updateFundRequest(first, Map.of("Status", "Approved", "Amount", 12_000));
        org.addFundClaim(first, Map.of("Amount", 4_000, "Status", "Paid"));
        org.addFundClaim(first, Map.of("Amount", 3_000, "Status", "Approved"));
        org.addFundClaim(first, Map.of("Amount", 1_000, "Status", "Draft"));
        org.updateFundRequest(FundRequestsId.of(plan, "campaign-1"), Map.of("Status", "Rejected"));
        assertEquals("Draft", campaign(dashboard(plan), "campaign-0").getString("fundStatus"),
                "nothing changes in the plan before the sync reads Salesforce");

        JsonObject run = sync();
        assertTrue(run.getJsonNumber("apiCalls").longValue() > 0, run.toString());

        JsonObject dashboard = dashboard(plan);
        JsonObject approved = campaign(dashboard, "campaign-0");
        assertEquals("Approved", approved.getString("fundStatus"), approved.toString());
        assertAmount(15_000, approved, "mdfRequested");
        assertAmount(12_000, approved, "mdfApproved");
        assertAmount(7_000, approved, "mdfClaimed");
        assertAmount(4_000, approved, "mdfPaid");
        assertNotNull(approved.getString("fundsReadAt", null));
        JsonObject rejected = campaign(dashboard, "campaign-1");
        assertEquals("Rejected", rejected.getString("fundStatus"));
        assertAmount(0, rejected, "mdfApproved");
        assertAmount(0, rejected, "mdfClaimed");
        JsonObject noMdf = campaign(dashboard, "no-mdf");
        assertTrue(!noMdf.containsKey("fundStatus") || noMdf.isNull("fundStatus"), "no MDF, no request: " + noMdf);

        JsonObject funds = fund(plan, "campaign-0");
        assertEquals("Approved", funds.getString("status"));
        assertAmount(12_000, funds, "approvedAmount");
        assertAmount(7_000, funds, "claimedAmount");
        assertAmount(4_000, funds, "paidAmount");
        assertEquals(3, funds.getInt("claimCount"));
    }

    @Test
    void amendmentRemovingACampaignWithdrawsItsFundRequestOnceAndAChangedMdfUpdatesItsRequest() {
        String account = partnerInOrg("Gold");
        String plan = approvedPlan(account, template(), 15_000, 5_000);
        deliverUntilQuiet();
        String kept = FundRequestsId.of(plan, "campaign-0");
        String removed = FundRequestsId.of(plan, "campaign-1");
        org.updateFundRequest(removed, Map.of("Status", "Approved", "Amount", 5_000));

        // the amendment drops campaign-1 and raises campaign-0's MDF
        JsonObject sections = sections(THIS_YEAR, 18_000);
        amend(plan, Json.createObjectBuilder().add("campaigns", sections.getJsonArray("campaigns")), "Second webinar cancelled");
        deliverUntilQuiet();

        assertEquals(2, fundRequestsInOrg(plan), "updated and withdrawn, nothing created");
        Map<String, Object> keptInOrg = requestInOrg(kept);
        assertEquals(0, new BigDecimal("18000").compareTo(new BigDecimal(String.valueOf(keptInOrg.get("RequestedAmount")))));
        assertEquals("Draft", keptInOrg.get("Status"), "the changed request goes back for approval");
        assertEquals("Rejected", requestInOrg(removed).get("Status"),
                "withdrawn with the picklist's closing value (it has no cancelled one)");
        JsonObject withdrawn = fund(plan, "campaign-1");
        assertEquals("CANCELLED", withdrawn.getString("status"), withdrawn.toString());
        assertEquals("DELIVERED", withdrawn.getString("deliveryStatus"));

        // another amendment that leaves the campaigns alone withdraws nothing again
        amend(plan, Json.createObjectBuilder().add("coSell", Json.createObjectBuilder().add("engagementsTarget", 20)),
                "More co-sell");
        deliverUntilQuiet();
        assertEquals(1, writes(removed, "FUND_REQUEST_CANCEL").size(), "withdrawn exactly once");
        assertEquals(2, fundRequestsInOrg(plan));

        sync();
        assertEquals("Rejected", fund(plan, "campaign-1").getString("salesforceStatus"), "read back after the sync");
        assertEquals("CANCELLED", fund(plan, "campaign-1").getString("status"));
        assertTrue(dashboard(plan).getJsonArray("campaigns").getValuesAs(JsonObject.class).stream()
                .noneMatch(c -> "campaign-1".equals(c.getString("key"))), "the removed campaign left the dashboard");
        assertEquals("Draft", campaign(dashboard(plan), "campaign-0").getString("fundStatus"));
    }

    @Test
    void droppingACampaignWhoseRequestSalesforceRefusedWithdrawsNothingAndTheRefusedWriteCannotBeRetried() {
        String account = partnerInOrg("Gold");
        refuseFundRequestsAbove(100_000);
        String plan = approvedPlan(account, template(), 150_000, 5_000);
        deliverUntilQuiet();
        String refused = FundRequestsId.of(plan, "campaign-0");
        assertEquals("FAILED", fund(plan, "campaign-0").getString("deliveryStatus"));

        var withoutRefused = Json.createArrayBuilder();
        sections(THIS_YEAR, 150_000, 5_000).getJsonArray("campaigns").getValuesAs(JsonObject.class).stream()
                .filter(c -> !"campaign-0".equals(c.getString("key"))).forEach(withoutRefused::add);
        amend(plan, Json.createObjectBuilder().add("campaigns", withoutRefused), "Trade show dropped");
        deliverUntilQuiet();

        assertTrue(writes(refused, "FUND_REQUEST_CANCEL").isEmpty(), "nothing in Salesforce to withdraw");
        JsonObject dropped = fund(plan, "campaign-0");
        assertEquals("CANCELLED", dropped.getString("status"), dropped.toString());
        assertEquals("DISCARDED", dropped.getString("deliveryStatus"));
        org.clearValidationRules();
        String upsert = writes(refused, "FUND_REQUEST_UPSERT").get(0).getString("id");
        assertEquals(409, admin.post("/jbp/api/v1/crm/writes/" + upsert + "/retry", "").status(),
                "a discarded write is not retried into existence");
        deliverUntilQuiet();
        assertEquals(1, fundRequestsInOrg(plan), "only the kept campaign's request exists in Salesforce");
    }

    // ---------------------------------------------------------------- helpers

    private String partnerInOrg(String tier) {
        String id = org.insert("Account", Map.of("Name", "Partner " + System.nanoTime(), "IsPartner", true));
        var reply = admin.put("/jbp/api/v1/partners/" + id, Fixtures.partner("Partner " + id, tier));
        assertEquals(200, reply.status(), reply.body());
        return id;
    }

    private String template() {
        var body = Fixtures.combinedTemplate("Write-back " + System.nanoTime()).add("partnerAcceptance", false)
                .add("approvalChain", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Channel director").add("role", "approver").add("slaHours", 48))
                        .add(Json.createObjectBuilder().add("name", "VP sales").add("user", salesforceUser).add("slaHours", 72)))
                .build();
        var reply = admin.post("/jbp/api/v1/templates", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    /** The six sections of this year with one campaign per MDF amount, plus one without MDF. */
    private static JsonObject sections(long... mdf) {
        return sections(THIS_YEAR, mdf);
    }

    private static JsonObject sections(int year, long... mdf) {
        JsonObject base = Fixtures.sixSections(year);
        var campaigns = Json.createArrayBuilder();
        for (int i = 0; i < mdf.length; i++) {
            campaigns.add(Json.createObjectBuilder().add("key", "campaign-" + i).add("name", "Campaign " + i)
                    .add("tactic", "WEBINAR").add("audience", "Retail CIOs")
                    .add("startDate", year + "-03-01").add("endDate", year + "-03-31")
                    .add("mdfRequested", Json.createObjectBuilder().add("amount", mdf[i]).add("currency", "USD")));
        }
        campaigns.add(Json.createObjectBuilder().add("key", "no-mdf").add("name", "Newsletter").add("tactic", "WEBINAR")
                .add("audience", "All").add("startDate", year + "-04-01").add("endDate", year + "-04-30"));
        return Json.createObjectBuilder(base).add("campaigns", campaigns).build();
    }

    private String approvedPlan(String account, String template, long... mdf) {
        var created = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(account, template, sections(mdf), THIS_YEAR));
        assertEquals(201, created.status(), created.body());
        String plan = created.json().getString("id");
        var submitted = cam.post("/jbp/api/v1/plans/" + plan + "/submit", "");
        assertEquals(200, submitted.status(), submitted.body());
        approveCurrentStep(plan, approver);
        approveCurrentStep(plan, salesforceApprover);
        assertEquals("ACTIVE", cam.get("/jbp/api/v1/plans/" + plan).json().getString("status"));
        return plan;
    }

    private void approveCurrentStep(String plan, Api who) {
        JsonObject step = cam.get("/jbp/api/v1/plans/" + plan).json().getJsonObject("lifecycle").getJsonObject("currentStep");
        assertNotNull(step);
        var reply = who.post("/jbp/api/v1/plans/" + plan + "/approvals/" + step.getString("id") + "/approve", "");
        assertEquals(200, reply.status(), reply.body());
    }

    private static JsonObject rule(String name, String template, String condition, String level) {
        return Json.createObjectBuilder().add("name", name).add("templateId", template).add("condition", condition)
                .add("effect", Json.createObjectBuilder().add("type", "TIER_CHANGE").add("level", level)).build();
    }

    private void record(String plan, String metric, long value, String metric2, long value2) {
        var values = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("metric", metric).add("quarter", 0).add("value", value));
        if (metric2 != null) {
            values.add(Json.createObjectBuilder().add("metric", metric2).add("quarter", 0).add("value", value2));
        }
        var reply = cam.post("/jbp/api/v1/plans/" + plan + "/actuals", Json.createObjectBuilder().add("values", values).build());
        assertEquals(200, reply.status(), reply.body());
    }

    private List<JsonObject> evaluate(String plan) {
        var reply = admin.post("/jbp/api/v1/incentive-rules/evaluations",
                Json.createObjectBuilder().add("planId", plan).build());
        assertEquals(200, reply.status(), reply.body());
        return reply.array().getValuesAs(JsonObject.class);
    }

    private JsonObject deliver() {
        var reply = admin.post("/jbp/api/v1/crm/writes/deliveries", "");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** Passes until one claims nothing (transient retries move the clock past their backoff). */
    private void deliverUntilQuiet() {
        for (int i = 0; i < 5; i++) {
            JsonObject report = deliver();
            if (report.getInt("claimed") == 0) {
                if (pending() == 0) {
                    return;
                }
                moveClock(Duration.ofMinutes(70));
            }
        }
    }

    private int pending() {
        return admin.get("/jbp/api/v1/crm/writes?status=pending").json().getInt("total");
    }

    private int fundRequestsInOrg(String plan) {
        return org.query("SELECT Id FROM PartnerFundRequest WHERE JBP_External_Id__c LIKE 'jbp-mdf-" + plan + "-%'").size();
    }

    /** The external id the module writes a campaign's fund request under. */
    private static final class FundRequestsId {
        static String of(String plan, String campaignKey) {
            return "jbp-mdf-" + plan + "-" + campaignKey;
        }
    }

    private JsonObject dashboard(String plan) {
        var reply = cam.get("/jbp/api/v1/plans/" + plan + "/dashboard");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject campaign(JsonObject dashboard, String key) {
        return dashboard.getJsonArray("campaigns").getValuesAs(JsonObject.class).stream()
                .filter(c -> key.equals(c.getString("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no campaign " + key + " in " + dashboard));
    }

    private JsonObject fund(String plan, String campaignKey) {
        return cam.get("/jbp/api/v1/plans/" + plan + "/funds").json().getJsonArray("requests")
                .getValuesAs(JsonObject.class).stream().filter(r -> campaignKey.equals(r.getString("campaignKey")))
                .findFirst().orElseThrow(() -> new AssertionError("no fund request for " + campaignKey));
    }

    private static void assertAmount(long expected, JsonObject in, String field) {
        assertEquals(0, BigDecimal.valueOf(expected).compareTo(in.getJsonNumber(field).bigDecimalValue()),
                field + " in " + in);
    }

    private Map<String, Object> requestInOrg(String externalId) {
        List<Map<String, Object>> rows = org.query("SELECT Id, RequestedAmount, Status FROM PartnerFundRequest "
                + "WHERE JBP_External_Id__c = '" + externalId + "'");
        assertEquals(1, rows.size(), externalId);
        return rows.get(0);
    }

    private List<JsonObject> writes(String externalId, String kind) {
        return admin.get("/jbp/api/v1/crm/writes?size=100").json().getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(w -> externalId.equals(w.getString("externalId")) && kind.equals(w.getString("kind")))
                .toList();
    }

    /** Proposes a change of sections as an amendment and has both steps of the chain approve it. */
    private void amend(String plan, jakarta.json.JsonObjectBuilder sectionChanges, String rationale) {
        var proposed = cam.post("/jbp/api/v1/plans/" + plan + "/amendments", Json.createObjectBuilder()
                .add("rationale", rationale)
                .add("changes", Json.createObjectBuilder().add("sections", sectionChanges)).build());
        assertEquals(201, proposed.status(), proposed.body());
        approveCurrentStep(plan, approver);
        approveCurrentStep(plan, salesforceApprover);
        var amendments = cam.get("/jbp/api/v1/plans/" + plan + "/amendments").array().getValuesAs(JsonObject.class);
        assertEquals("APPROVED", amendments.get(amendments.size() - 1).getString("status"), amendments.toString());
    }

    /** A full KPI sync run to its end; the fund request read-back is part of its last step. */
    private JsonObject sync() {
        var started = admin.post("/jbp/api/v1/sync/runs", Json.createObjectBuilder().add("mode", "full").build());
        assertEquals(202, started.status(), started.body());
        String id = started.json().getString("id");
        long deadline = System.currentTimeMillis() + 240_000;
        JsonObject run = started.json();
        while ("RUNNING".equals(run.getString("status")) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for sync run " + id, e);
            }
            run = admin.get("/jbp/api/v1/sync/runs/" + id).json();
        }
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        return run;
    }

    /** A validation rule in the org, as an admin there would add one: requests above the budget are refused. */
    private void refuseFundRequestsAbove(long budget) {
        org.addValidationRule("PartnerFundRequest", "Within_Budget",
                r -> r.get("RequestedAmount") != null
                        && new BigDecimal(String.valueOf(r.get("RequestedAmount"))).compareTo(BigDecimal.valueOf(budget)) > 0,
                "Requested amount exceeds the marketing budget", "RequestedAmount");
    }

    private void moveClock(Duration by) {
        Instant now = Instant.parse(admin.get("/jbp/api/v1/admin/clock").json().getString("now"));
        var reply = admin.put("/jbp/api/v1/admin/clock", Json.createObjectBuilder().add("now", now.plus(by).toString()).build());
        assertEquals(200, reply.status(), reply.body());
        clockMoved = clockMoved.plus(by);
    }
}
