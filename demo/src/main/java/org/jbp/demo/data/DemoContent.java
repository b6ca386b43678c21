package org.jbp.demo.data;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.jbp.demo.salesforce.DemoPartner;

/**
 * What the demo's templates and plans say, as the API takes them. Figures scale with the tier so the plans of a
 * Platinum partner look bigger than a Registered one's; every date lies inside the plan's fiscal year. Public for
 * the benchmark, which loads the same plans by the thousand.
 */
public final class DemoContent {

    public static final String PLATINUM = "Platinum";
    public static final String GOLD = "Gold";
    public static final String SILVER = "Silver";
    public static final String REGISTERED = "Registered";
    private static final String CURRENCY = "USD";

    private DemoContent() {
    }

    /** Platinum and Gold: all six sections required, two approval steps, monthly reviews. */
    public static JsonObject strategicTemplate(String vpApproverId) {
        return Json.createObjectBuilder()
                .add("name", "Strategic partner joint plan (Platinum, Gold)")
                .add("planType", "COMBINED")
                .add("tiers", Json.createArrayBuilder().add(PLATINUM).add(GOLD))
                .add("partnerTypes", Json.createArrayBuilder())
                .add("requiredSections", sections("PROFILE", "REVENUE", "CAMPAIGNS", "CERTIFICATIONS", "CO_SELL", "KPIS"))
                .add("kpis", Json.createArrayBuilder()
                        .add(kpi("revenue_won", "Closed revenue", "CURRENCY", 80))
                        .add(kpi("pipeline_created", "Pipeline created", "CURRENCY", 75))
                        .add(kpi("deals_registered", "Registered deals", "COUNT", 70))
                        // people certified are the org's completed certifications, whatever the template calls them
                        .add(kpi("certified_people", "Certified people", "COUNT", 60)
                                .add("sourceKey", "certifications_completed")))
                .add("approvalChain", Json.createArrayBuilder()
                        .add(step("Channel director", "approver", null, 48))
                        .add(step("VP partner sales", null, vpApproverId, 72)))
                .add("escalationRole", "jbp-admin")
                .add("reviewCadence", "MONTHLY")
                .build();
    }

    /** Silver: a sales plan; no campaign calendar, certifications optional. */
    public static JsonObject salesTemplate() {
        return Json.createObjectBuilder()
                .add("name", "Silver partner sales plan")
                .add("planType", "SALES")
                .add("tiers", Json.createArrayBuilder().add(SILVER))
                .add("partnerTypes", Json.createArrayBuilder())
                .add("requiredSections", sections("PROFILE", "REVENUE", "CO_SELL", "KPIS"))
                .add("optionalSections", sections("CERTIFICATIONS"))
                .add("kpis", Json.createArrayBuilder()
                        .add(kpi("revenue_won", "Closed revenue", "CURRENCY", 80))
                        .add(kpi("deals_registered", "Registered deals", "COUNT", 70)))
                .add("approvalChain", Json.createArrayBuilder().add(step("Channel director", "approver", null, 48)))
                .add("escalationRole", "jbp-admin")
                .add("reviewCadence", "QUARTERLY")
                .build();
    }

    /** Registered: the lightweight plan, profile and revenue only. */
    public static JsonObject starterTemplate() {
        return Json.createObjectBuilder()
                .add("name", "Registered partner starter plan")
                .add("planType", "SALES")
                .add("tiers", Json.createArrayBuilder().add(REGISTERED))
                .add("partnerTypes", Json.createArrayBuilder())
                .add("requiredSections", sections("PROFILE", "REVENUE"))
                .add("approvalChain", Json.createArrayBuilder().add(step("Channel manager lead", "approver", null, 24)))
                .add("reviewCadence", "QUARTERLY")
                .build();
    }

    /** A new plan for {@code partner} in {@code fiscalYear} with the sections its tier's template has. */
    public static JsonObject plan(DemoPartner partner, String templateId, int fiscalYear) {
        return Json.createObjectBuilder()
                .add("partnerAccountId", partner.accountId())
                .add("templateId", templateId)
                .add("title", "FY" + fiscalYear + " joint business plan - " + partner.name())
                .add("currency", CURRENCY)
                .add("period", Json.createObjectBuilder().add("fiscalYear", fiscalYear))
                .add("sections", sections(partner, fiscalYear))
                .add("vendorCommitments", vendorCommitments(partner))
                .build();
    }

    static JsonObject sections(DemoPartner partner, int year) {
        long scale = scale(partner.tier());
        JsonObjectBuilder sections = Json.createObjectBuilder()
                .add("profile", profile(partner))
                .add("revenue", revenue(scale));
        switch (partner.tier()) {
            case PLATINUM, GOLD -> sections
                    .add("campaigns", campaigns(year, scale))
                    .add("certifications", certifications(year, scale))
                    .add("coSell", coSell(scale))
                    // closed revenue, pipeline and deals are targeted once, in the revenue section; their KPIs
                    // take the targets from there
                    .add("kpis", Json.createArrayBuilder()
                            .add(kpiTarget("certified_people", 3 * scale)));
            case SILVER -> sections
                    .add("certifications", certifications(year, scale))
                    .add("coSell", coSell(scale))
                    .add("kpis", Json.createArrayBuilder());
            default -> {
                // the starter template has profile and revenue only
            }
        }
        return sections.build();
    }

    /** Platinum plans are four times a Silver one; Registered ones half, expressed as a divisor below. */
    static long scale(String tier) {
        return switch (tier) {
            case PLATINUM -> 4;
            case GOLD -> 2;
            default -> 1;
        };
    }

    private static long divisor(long scale) {
        return scale == 1 ? 2 : 1;
    }

    private static JsonObject profile(DemoPartner partner) {
        boolean consulting = "Consulting".equals(partner.partnerType());
        return Json.createObjectBuilder()
                .add("summary", partner.name() + ": " + (consulting ? "consulting partner delivering CRM "
                        + "transformations" : "reseller with a strong mid-market base") + " in " + partner.region())
                .add("focusVerticals", Json.createArrayBuilder().add("Retail").add("Manufacturing"))
                .add("employees", PLATINUM.equals(partner.tier()) ? 1200 : GOLD.equals(partner.tier()) ? 450 : 80)
                .add("swot", Json.createObjectBuilder()
                        .add("strengths", Json.createArrayBuilder().add("Long-standing customer relationships")
                                .add(consulting ? "Certified delivery team" : "Broad regional sales coverage"))
                        .add("weaknesses", Json.createArrayBuilder().add("Thin pre-sales bench"))
                        .add("opportunities", Json.createArrayBuilder().add("Cloud migration wave in mid-market")
                                .add("AI add-on upsell"))
                        .add("threats", Json.createArrayBuilder().add("Aggressive competitor pricing")))
                .build();
    }

    private static JsonObject revenue(long scale) {
        long divisor = divisor(scale);
        return Json.createObjectBuilder()
                .add("pipeline", money(4_000_000 * scale / divisor))
                .add("closedRevenue", money(1_000_000 * scale / divisor))
                .add("registeredDeals", 40 * scale / divisor)
                .add("breakdown", Json.createArrayBuilder()
                        .add(breakdown("PRODUCT_LINE", "Sales Cloud", 600_000 * scale / divisor))
                        .add(breakdown("PRODUCT_LINE", "Service Cloud", 400_000 * scale / divisor))
                        .add(breakdown("VERTICAL", "Retail", 700_000 * scale / divisor))
                        .add(breakdown("SEGMENT", "Mid-market", 500_000 * scale / divisor)))
                .build();
    }

    private static JsonArrayBuilder campaigns(int year, long scale) {
        return Json.createArrayBuilder()
                .add(campaign("spring-webinar", "Spring analytics webinar series", "WEBINAR", "Retail CIOs",
                        year + "-03-01", year + "-03-31", 15_000 * scale))
                .add(campaign("partner-summit", "Joint booth at the partner summit", "EVENT", "Mid-market IT leaders",
                        year + "-06-10", year + "-06-12", 40_000 * scale))
                .add(campaign("autumn-email", "Autumn service upgrade nurture", "EMAIL", "Installed base",
                        year + "-09-15", year + "-11-15", 8_000 * scale));
    }

    private static JsonArrayBuilder certifications(int year, long scale) {
        return Json.createArrayBuilder()
                .add(certification("SALES", "Sales Cloud Consultant", 2 * scale, year + "-03-31"))
                .add(certification("PRE_SALES", "Solution Engineer", scale, year + "-06-30"))
                .add(certification("TECHNICAL", "Platform Architect", scale, year + "-09-30"));
    }

    private static JsonObject coSell(long scale) {
        return Json.createObjectBuilder()
                .add("engagementsTarget", 6 * scale)
                .add("targetAccounts", Json.createArrayBuilder().add("Acme Retail").add("Globex Logistics")
                        .add("Initrode Manufacturing"))
                .add("vendorResources", Json.createObjectBuilder().add("seHours", 50 * scale)
                        .add("executiveSponsor", scale >= 2 ? "VP Partner Sales" : "Regional director"))
                .build();
    }

    private static JsonObject vendorCommitments(DemoPartner partner) {
        long scale = scale(partner.tier());
        return Json.createObjectBuilder()
                .add("mdfBudget", money(REGISTERED.equals(partner.tier()) ? 0 : 25_000 * scale))
                .add("coSellSupportHours", 50 * scale)
                .add("preSalesAvailabilityHours", 30 * scale)
                .add("executiveSponsor", scale >= 2 ? "VP Partner Sales" : "Regional director")
                .build();
    }

    private static JsonArrayBuilder sections(String... names) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        List.of(names).forEach(list::add);
        return list;
    }

    private static JsonObjectBuilder kpi(String key, String label, String unit, int alertPercent) {
        return Json.createObjectBuilder().add("key", key).add("label", label).add("unit", unit)
                .add("direction", "HIGHER_IS_BETTER").add("alertThresholdPercent", alertPercent).add("sourceKey", key);
    }

    private static JsonObjectBuilder step(String name, String role, String user, int slaHours) {
        JsonObjectBuilder step = Json.createObjectBuilder().add("name", name).add("slaHours", slaHours);
        if (role != null) {
            step.add("role", role);
        }
        if (user != null) {
            step.add("user", user);
        }
        return step;
    }

    private static JsonObjectBuilder kpiTarget(String key, long target) {
        return Json.createObjectBuilder().add("kpiKey", key).add("target", target);
    }

    private static JsonObjectBuilder money(long amount) {
        return Json.createObjectBuilder().add("amount", amount).add("currency", CURRENCY);
    }

    private static JsonObjectBuilder breakdown(String dimension, String value, long closedRevenue) {
        return Json.createObjectBuilder().add("dimension", dimension).add("value", value)
                .add("closedRevenue", money(closedRevenue));
    }

    private static JsonObjectBuilder campaign(String key, String name, String tactic, String audience, String start,
                                              String end, long mdf) {
        return Json.createObjectBuilder().add("key", key).add("name", name).add("tactic", tactic)
                .add("audience", audience).add("startDate", start).add("endDate", end).add("mdfRequested", money(mdf));
    }

    private static JsonObjectBuilder certification(String role, String track, long count, String due) {
        return Json.createObjectBuilder().add("role", role).add("track", track).add("count", count)
                .add("dueDate", due);
    }
}
