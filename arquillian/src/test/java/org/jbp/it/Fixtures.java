package org.jbp.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data built the way a client would send it. */
public final class Fixtures {

    public static final String ADMIN = "005000000000001";
    public static final String CAM = "005000000000002";
    public static final String OTHER_CAM = "005000000000003";
    public static final String APPROVER = "005000000000004";
    private static final AtomicInteger NEXT_ACCOUNT = new AtomicInteger(100);

    private Fixtures() {
    }

    public static String adminToken() {
        return TestEnvironment.token(ADMIN, "Ada Admin", List.of("jbp-admin"), null);
    }

    public static String camToken() {
        return TestEnvironment.token(CAM, "Carl Channel", List.of("channel-manager"), null);
    }

    public static String otherCamToken() {
        return TestEnvironment.token(OTHER_CAM, "Olga Other", List.of("channel-manager"), null);
    }

    public static String approverToken() {
        return TestEnvironment.token(APPROVER, "Alice Approver", List.of("approver"), null);
    }

    public static String partnerToken(String accountId, String user) {
        return TestEnvironment.token(user, "Pat Partner", List.of("partner"), accountId);
    }

    /** A fresh 15-character Account id per call, so tests never share partners. */
    public static String newAccountId() {
        return "001AbC" + String.format("%09d", NEXT_ACCOUNT.incrementAndGet());
    }

    /** Salesforce's case-safe suffix, computed here independently of the module. */
    public static String to18(String id15) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        StringBuilder out = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int n = 0;
            for (int i = 0; i < 5; i++) {
                if (Character.isUpperCase(id15.charAt(chunk * 5 + i))) {
                    n += 1 << i;
                }
            }
            out.append(alphabet.charAt(n));
        }
        return out.toString();
    }

    public static JsonObject partner(String name, String tier) {
        return Json.createObjectBuilder().add("name", name).add("tier", tier).add("partnerType", "Reseller")
                .add("ownerId", CAM).add("region", "EMEA").build();
    }

    public static JsonObjectBuilder combinedTemplate(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("planType", "COMBINED")
                .add("tiers", Json.createArrayBuilder().add("Gold").add("Platinum"))
                .add("partnerTypes", Json.createArrayBuilder())
                .add("requiredSections", Json.createArrayBuilder().add("PROFILE").add("REVENUE").add("CAMPAIGNS")
                        .add("CERTIFICATIONS").add("CO_SELL").add("KPIS"))
                .add("kpis", Json.createArrayBuilder()
                        .add(kpi("revenue_won", "Closed revenue", "CURRENCY"))
                        .add(kpi("deals_registered", "Registered deals", "COUNT")))
                .add("approvalChain", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Channel director").add("role", "approver").add("slaHours", 48))
                        .add(Json.createObjectBuilder().add("name", "VP sales").add("user", APPROVER).add("slaHours", 72)))
                .add("escalationRole", "jbp-admin")
                .add("reviewCadence", "MONTHLY");
    }

    /** A template for lower tiers: only profile and revenue, nothing else allowed. */
    public static JsonObjectBuilder lightTemplate(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("planType", "SALES")
                .add("tiers", Json.createArrayBuilder().add("Registered").add("Silver"))
                .add("requiredSections", Json.createArrayBuilder().add("PROFILE").add("REVENUE"))
                .add("approvalChain", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Channel manager lead").add("role", "approver").add("slaHours", 24)))
                .add("reviewCadence", "QUARTERLY");
    }

    static JsonObjectBuilder kpi(String key, String label, String unit) {
        return Json.createObjectBuilder().add("key", key).add("label", label).add("unit", unit)
                .add("direction", "HIGHER_IS_BETTER").add("alertThresholdPercent", 80).add("sourceKey", key);
    }

    static JsonObjectBuilder money(long amount) {
        return Json.createObjectBuilder().add("amount", amount).add("currency", "USD");
    }

    /** All six sections for a FY2027 (calendar year) USD plan. */
    public static JsonObject sixSections() {
        JsonArrayBuilder strengths = Json.createArrayBuilder().add("Strong install base in retail").add("20 certified engineers");
        return Json.createObjectBuilder()
                .add("profile", Json.createObjectBuilder()
                        .add("summary", "Regional reseller focused on retail and logistics")
                        .add("focusVerticals", Json.createArrayBuilder().add("Retail"))
                        .add("employees", 250)
                        .add("swot", Json.createObjectBuilder()
                                .add("strengths", strengths)
                                .add("weaknesses", Json.createArrayBuilder().add("Thin pre-sales bench"))
                                .add("opportunities", Json.createArrayBuilder().add("Cloud migration wave"))
                                .add("threats", Json.createArrayBuilder().add("Aggressive competitor pricing"))))
                .add("revenue", Json.createObjectBuilder()
                        .add("pipeline", money(4_000_000))
                        .add("closedRevenue", money(1_000_000))
                        .add("registeredDeals", 40)
                        .add("breakdown", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("dimension", "PRODUCT_LINE").add("value", "Analytics")
                                        .add("closedRevenue", money(600_000)))
                                .add(Json.createObjectBuilder().add("dimension", "VERTICAL").add("value", "Retail")
                                        .add("closedRevenue", money(700_000)))))
                .add("campaigns", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("key", "spring-webinar").add("name", "Spring analytics webinar")
                                .add("tactic", "WEBINAR").add("audience", "Retail CIOs")
                                .add("startDate", "2027-03-01").add("endDate", "2027-03-31")
                                .add("mdfRequested", money(15_000))))
                .add("certifications", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("role", "TECHNICAL").add("track", "Platform Architect")
                                .add("count", 3).add("dueDate", "2027-06-30")))
                .add("coSell", Json.createObjectBuilder().add("engagementsTarget", 12)
                        .add("targetAccounts", Json.createArrayBuilder().add("Acme Retail").add("Globex"))
                        .add("vendorResources", Json.createObjectBuilder().add("seHours", 200).add("executiveSponsor", "VP EMEA")))
                .add("kpis", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("kpiKey", "revenue_won").add("target", 1_000_000))
                        .add(Json.createObjectBuilder().add("kpiKey", "deals_registered").add("target", 40)))
                .build();
    }

    /** The same six sections with every date moved into {@code year}. */
    public static JsonObject sixSections(int year) {
        String moved = sixSections().toString().replace("\"2027-", "\"" + year + "-");
        try (var reader = Json.createReader(new java.io.StringReader(moved))) {
            return reader.readObject();
        }
    }

    public static JsonObject newPlan(String accountId, String templateId, JsonObject sections, int fiscalYear) {
        return Json.createObjectBuilder(newPlan(accountId, templateId, sections))
                .add("title", "FY" + fiscalYear + " joint plan")
                .add("period", Json.createObjectBuilder().add("fiscalYear", fiscalYear)).build();
    }

    public static String secondApproverToken() {
        return TestEnvironment.token("005000000000005", "Bob Approver", List.of("approver"), null);
    }

    public static JsonObject vendorCommitments() {
        return Json.createObjectBuilder().add("mdfBudget", money(50_000)).add("coSellSupportHours", 200)
                .add("preSalesAvailabilityHours", 120).add("executiveSponsor", "VP EMEA").build();
    }

    public static JsonObject newPlan(String accountId, String templateId, JsonObject sections) {
        return Json.createObjectBuilder()
                .add("partnerAccountId", accountId)
                .add("templateId", templateId)
                .add("title", "FY2027 joint plan")
                .add("currency", "USD")
                .add("period", Json.createObjectBuilder().add("fiscalYear", 2027))
                .add("sections", sections)
                .add("vendorCommitments", vendorCommitments())
                .build();
    }
}
