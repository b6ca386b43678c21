package org.jbp.demo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.jbp.demo.salesforce.DemoPartner;
import org.junit.jupiter.api.Test;

/** The loader's choices against a scripted API: no server, no database. */
class DemoDataLoaderTest {

    private static final List<DemoPartner> PARTNERS = List.of(
            partner("001000000000001AAA", "Northwind", "Platinum"),
            partner("001000000000002AAA", "Contoso", "Platinum"),
            partner("001000000000003AAA", "Fabrikam", "Gold"),
            partner("001000000000004AAA", "Acme", "Gold"),
            partner("001000000000005AAA", "Globex", "Silver"),
            partner("001000000000006AAA", "Initech", "Silver"),
            partner("001000000000007AAA", "Umbrella", "Registered"),
            partner("001000000000008AAA", "Stark", "Registered"));

    private static DemoPartner partner(String id, String name, String tier) {
        return new DemoPartner(id, name, tier, "Reseller", "005000000000002AAA", "EMEA");
    }

    private static DemoDataLoader.Tokens tokens() {
        return new DemoDataLoader.Tokens("admin", "cam", "approver", account -> "partner:" + account);
    }

    /** Answers like the module would; remembers every request. */
    static final class ScriptedApi implements JbpApi {
        record Call(String method, String path, String token, String body) {
        }

        final List<Call> calls = new ArrayList<>();
        boolean templatesExist;
        boolean lifecycleDeployed;

        @Override
        public Reply send(String method, String path, String token, String body, String ifMatch) {
            calls.add(new Call(method, path, token, body));
            if (method.equals("GET") && path.equals("/templates")) {
                return new Reply(200, templatesExist ? "[{\"id\":\"t\"}]" : "[]", null);
            }
            if (method.equals("GET") && path.startsWith("/plans?")) {
                return new Reply(200, "[{\"status\":\"DRAFT\"}]", null);
            }
            if (method.equals("POST") && path.equals("/templates")) {
                return new Reply(201, "{\"id\":\"" + UUID.randomUUID() + "\"}", null);
            }
            if (method.equals("PUT") && path.startsWith("/partners/")) {
                return new Reply(200, "{}", null);
            }
            if (method.equals("POST") && path.equals("/plans")) {
                JsonObject plan = read(body);
                return new Reply(201, Json.createObjectBuilder().add("id", UUID.randomUUID().toString())
                        .add("version", 1).add("title", plan.getString("title")).add("sections", plan.getJsonObject("sections")).build().toString(), "\"1\"");
            }
            if (method.equals("PATCH")) {
                return new Reply(200, "{}", "\"" + (Integer.parseInt(ifMatch.replace("\"", "")) + 1) + "\"");
            }
            if (method.equals("POST") && path.endsWith("/comments")) {
                return new Reply(201, "{\"id\":\"" + UUID.randomUUID() + "\"}", null);
            }
            if (path.endsWith("/submit")) {
                return lifecycleDeployed ? new Reply(200, "{}", null) : new Reply(404, "{}", null);
            }
            if (path.endsWith("/approvals")) {
                return new Reply(200, "[]", null);
            }
            return new Reply(500, "unscripted " + method + " " + path, null);
        }

        List<Call> matching(String method, String pathPrefix) {
            return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).toList();
        }
    }

    static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void firstRunRegistersEveryPartnerATemplatePerTierGroupAndPlansForAll() {
        ScriptedApi api = new ScriptedApi();
        DemoDataLoader.Result result = new DemoDataLoader(api, tokens(), 2027)
                .loadIfEmpty(PARTNERS, "005000000000004AAA");

        assertTrue(result.loaded());
        assertEquals(8, api.matching("PUT", "/partners/").size());
        assertTrue(api.matching("PUT", "/partners/").stream().allMatch(c -> c.token().equals("admin")));
        List<JsonObject> templates = api.matching("POST", "/templates").stream().map(c -> read(c.body())).toList();
        assertEquals(3, templates.size());
        Set<String> tiers = templates.stream().flatMap(t -> t.getJsonArray("tiers").getValuesAs(
                jakarta.json.JsonString.class).stream()).map(jakarta.json.JsonString::getString).collect(Collectors.toSet());
        assertEquals(Set.of("Platinum", "Gold", "Silver", "Registered"), tiers);
        // a draft for every partner, and this year's running plan for the four strategic ones
        assertEquals(12, api.matching("POST", "/plans").stream().filter(c -> c.path().equals("/plans")).count());
        assertEquals(result.lifecycle(), "this WAR has no plan lifecycle endpoints yet: every demo plan stays DRAFT");
    }

    @Test
    void plansCarryOnlyTheSectionsTheirTierTemplateHas() {
        ScriptedApi api = new ScriptedApi();
        new DemoDataLoader(api, tokens(), 2027).loadIfEmpty(PARTNERS, "005000000000004AAA");
        List<JsonObject> plans = api.matching("POST", "/plans").stream().filter(c -> c.path().equals("/plans"))
                .map(c -> read(c.body())).toList();
        JsonObject platinum = plans.stream().filter(p -> p.getString("partnerAccountId").equals("001000000000001AAA"))
                .findFirst().orElseThrow();
        assertEquals(Set.of("profile", "revenue", "campaigns", "certifications", "coSell", "kpis"),
                platinum.getJsonObject("sections").keySet());
        JsonObject registered = plans.stream().filter(p -> p.getString("partnerAccountId").equals("001000000000008AAA"))
                .findFirst().orElseThrow();
        assertEquals(Set.of("profile", "revenue"), registered.getJsonObject("sections").keySet());
        JsonObject silver = plans.stream().filter(p -> p.getString("partnerAccountId").equals("001000000000005AAA"))
                .findFirst().orElseThrow();
        assertFalse(silver.getJsonObject("sections").containsKey("campaigns"));
    }

    @Test
    void campaignDatesLieInsideThePlansFiscalYear() {
        JsonObject sections = DemoContent.sections(PARTNERS.get(0), 2027);
        sections.getJsonArray("campaigns").getValuesAs(JsonObject.class).forEach(c -> {
            assertTrue(c.getString("startDate").startsWith("2027-"), c.toString());
            assertTrue(c.getString("endDate").startsWith("2027-"), c.toString());
        });
    }

    @Test
    void bothSidesEditAndCommentSoEveryDraftHasRevisions() {
        ScriptedApi api = new ScriptedApi();
        new DemoDataLoader(api, tokens(), 2027).loadIfEmpty(PARTNERS, "005000000000004AAA");
        List<ScriptedApi.Call> patches = api.matching("PATCH", "/plans/");
        assertEquals(16, patches.size(), "two edits per draft");
        assertEquals(8, patches.stream().filter(c -> c.token().startsWith("partner:")).count());
        assertEquals(8, api.calls.stream().filter(c -> c.path().endsWith("/comments") && c.token().startsWith("partner:"))
                .count(), "the partner answers every thread");
    }

    @Test
    void strategicRunningPlansAreApprovedWhenTheLifecycleExists() {
        ScriptedApi api = new ScriptedApi();
        api.lifecycleDeployed = true;
        DemoDataLoader.Result result = new DemoDataLoader(api, tokens(), 2027).loadIfEmpty(PARTNERS, "005");
        // four running plans, one approved ahead, one waiting for its approver
        assertEquals(6, api.calls.stream().filter(c -> c.path().endsWith("/submit")).count());
        assertTrue(api.calls.stream().filter(c -> c.path().endsWith("/submit")).allMatch(c -> c.token().equals("cam")));
        assertTrue(result.lifecycle().startsWith("moved 6 plans"), result.lifecycle());
    }

    @Test
    void aDatabaseWithTemplatesIsLeftAlone() {
        ScriptedApi api = new ScriptedApi();
        api.templatesExist = true;
        DemoDataLoader.Result result = new DemoDataLoader(api, tokens(), 2027).loadIfEmpty(PARTNERS, "005");
        assertFalse(result.loaded());
        assertTrue(api.calls.stream().allMatch(c -> c.method().equals("GET")), api.calls.toString());
    }

    @Test
    void everyTemplateKpiReadsAFigureTheShippedMappingHas() {
        // a KPI naming no CRM source reads "no actuals yet" on every dashboard and raises an alert on every plan
        KpiMapping shipped = KpiMappingLoader.loadDefault();
        for (JsonObject template : List.of(DemoContent.strategicTemplate("005000000000004AAA"),
                DemoContent.salesTemplate(), DemoContent.starterTemplate())) {
            for (JsonObject kpi : template.getJsonArray("kpis") == null ? List.<JsonObject>of()
                    : template.getJsonArray("kpis").getValuesAs(JsonObject.class)) {
                String source = kpi.getString("sourceKey");
                assertTrue(shipped.source(source).isPresent(), template.getString("name") + ": KPI "
                        + kpi.getString("key") + " reads " + source + ", which the mapping does not define");
            }
        }
    }
}
