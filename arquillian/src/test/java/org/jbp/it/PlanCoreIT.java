package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The plan core over HTTP: the real WAR in Payara Micro on a real PostgreSQL. */
class PlanCoreIT extends DeployedWar {

    private String newCombinedTemplate() {
        var reply = admin.post("/jbp/api/v1/templates", Fixtures.combinedTemplate("Gold combined " + System.nanoTime()).build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    private Api.Reply createPlan(String accountId, String templateId) {
        return cam.post("/jbp/api/v1/plans", Fixtures.newPlan(accountId, templateId, Fixtures.sixSections()));
    }

    private static List<String> fields(Api.Reply problem) {
        return problem.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(Collectors.toList());
    }

    @Test
    void readinessReportsTheDatabase() {
        var reply = api.get("/jbp/health/ready");
        assertEquals(200, reply.status(), reply.body());
        JsonObject db = reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", db.getString("status"));
        assertTrue(db.getJsonObject("data").getString("product").startsWith("PostgreSQL"));
        String newest = newestMigration();
        assertEquals(newest, db.getJsonObject("data").getString("schemaVersion"),
                "the newest migration, compared as version numbers (a text max() says 9 over 11)");
    }

    private static String newestMigration() {
        try (java.sql.Connection c = TestEnvironment.database().getConnection();
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet r = st.executeQuery("select version from flyway_schema_history where version is not null")) {
            java.util.List<String> versions = new java.util.ArrayList<>();
            while (r.next()) {
                versions.add(r.getString(1));
            }
            return versions.stream().max(java.util.Comparator.comparing(v -> java.util.Arrays.stream(v.split("\\."))
                    .mapToInt(Integer::parseInt).toArray(), java.util.Arrays::compare)).orElseThrow();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void openApiDocumentDescribesThePlanApi() {
        var reply = api.get("/openapi", "application/json");
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("/api/v1/plans/{id}/revisions/{from}/diff/{to}"), "OpenAPI lists the diff path");
        assertTrue(reply.body().contains("/api/v1/approvals/waiting"), "and the approver's queue");
        assertTrue(reply.body().contains("/api/v1/home"), "and the home");
    }

    @Test
    void apiDocsPageDrawsTheOpenApiDocumentWithTheWebJarItServes() {
        Api.Reply page = api.get("/jbp/api-docs", "text/html");
        assertEquals(200, page.status(), page.body());
        java.util.regex.Matcher bundle = java.util.regex.Pattern.compile("src=\"(/jbp/webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"")
                .matcher(page.body());
        assertTrue(bundle.find(), page.body());
        assertTrue(page.body().contains("data-openapi=\"/openapi\""), page.body());
        Api.Reply script = api.get(bundle.group(1), "*/*");
        assertEquals(200, script.status(), "the page's Swagger UI is served by the WAR");
        assertTrue(script.body().contains("SwaggerUIBundle"));
        assertEquals(200, api.get("/jbp/api-docs.js", "*/*").status());
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        assertEquals(401, api.get("/jbp/api/v1/plans").status());
        assertEquals(401, api.post("/jbp/api/v1/templates", "{}").status());
    }

    @Test
    void templateUpdateCreatesNewVersionAndPlansKeepTheirs() {
        String templateId = newCombinedTemplate();
        String partner = newPartner("Gold");
        var plan = createPlan(partner, templateId);
        assertEquals(201, plan.status(), plan.body());
        assertEquals(1, plan.json().getJsonObject("template").getInt("version"));

        var v2 = admin.put("/jbp/api/v1/templates/" + templateId,
                Fixtures.combinedTemplate("Gold combined v2").add("reviewCadence", "QUARTERLY").build());
        assertEquals(200, v2.status(), v2.body());
        assertEquals(2, v2.json().getInt("version"));
        assertEquals("QUARTERLY", admin.get("/jbp/api/v1/templates/" + templateId).json()
                .getJsonObject("definition").getString("reviewCadence"));
        assertEquals("MONTHLY", admin.get("/jbp/api/v1/templates/" + templateId + "?version=1").json()
                .getJsonObject("definition").getString("reviewCadence"));

        var reread = cam.get("/jbp/api/v1/plans/" + plan.json().getString("id"));
        assertEquals(1, reread.json().getJsonObject("template").getInt("version"), "the plan keeps version 1");
    }

    @Test
    void onlyAdminsManageTemplates() {
        var reply = cam.post("/jbp/api/v1/templates", Fixtures.combinedTemplate("Not mine").build());
        assertEquals(403, reply.status());
    }

    @Test
    void invalidTemplateNamesEveryFieldAtFault() {
        JsonObject bad = Fixtures.combinedTemplate("")
                .add("approvalChain", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Both").add("role", "approver").add("user", Fixtures.APPROVER).add("slaHours", 0)))
                .build();
        var reply = admin.post("/jbp/api/v1/templates", bad);
        assertEquals(422, reply.status(), reply.body());
        assertEquals("application/problem+json", reply.contentType());
        List<String> fields = fields(reply);
        assertTrue(fields.contains("name"), fields.toString());
        assertTrue(fields.contains("approvalChain[0].slaHours"), fields.toString());
        assertTrue(fields.contains("approvalChain[0].approverNamed"), fields.toString());
    }

    @Test
    void planWithAllSixSectionsIsCreatedWithDefaultsFilledIn() {
        String partner = newPartner("Gold");
        var reply = createPlan(partner, newCombinedTemplate());
        assertEquals(201, reply.status(), reply.body());
        JsonObject plan = reply.json();
        assertEquals("DRAFT", plan.getString("status"));
        assertEquals(Fixtures.to18(partner), plan.getJsonObject("partner").getString("accountId"));
        assertEquals("FY2027", plan.getJsonObject("period").getString("label"));
        assertEquals(4, plan.getJsonObject("period").getJsonArray("quarters").size());
        JsonObject sections = plan.getJsonObject("sections");
        assertEquals(2, sections.getJsonObject("profile").getJsonObject("swot").getJsonArray("strengths").size());
        var quarters = sections.getJsonObject("revenue").getJsonArray("quarters");
        assertEquals(4, quarters.size(), "annual target split into quarters by default");
        assertEquals(250000, quarters.getJsonObject(0).getJsonObject("closedRevenue").getJsonNumber("amount").intValue());
        assertEquals(10, quarters.getJsonObject(3).getInt("registeredDeals"));
        assertEquals(15000, sections.getJsonArray("campaigns").getJsonObject(0).getJsonObject("mdfRequested")
                .getJsonNumber("amount").intValue());
        assertEquals("TECHNICAL", sections.getJsonArray("certifications").getJsonObject(0).getString("role"));
        assertEquals(200, sections.getJsonObject("coSell").getJsonObject("vendorResources").getInt("seHours"));
        assertEquals(4, sections.getJsonArray("kpis").getJsonObject(0).getJsonArray("quarterly").size());
        assertEquals(120, plan.getJsonObject("vendorCommitments").getInt("preSalesAvailabilityHours"));
        assertTrue(plan.getJsonArray("missingForSubmission").isEmpty(), plan.getJsonArray("missingForSubmission").toString());
        assertEquals("\"" + plan.getJsonNumber("version").longValue() + "\"", reply.header("ETag"));
    }

    @Test
    void planBreakingTemplateRulesIsRefusedWithFieldsNamed() {
        String partner = newPartner("Gold");
        JsonObject sections = Json.createObjectBuilder(Fixtures.sixSections())
                .add("campaigns", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Outside the year").add("tactic", "EVENT")
                        .add("startDate", "2026-12-01").add("endDate", "2027-01-15")
                        .add("mdfRequested", Json.createObjectBuilder().add("amount", 100).add("currency", "EUR"))))
                .add("certifications", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("role", "SALES").add("track", "Seller").add("count", 2).add("dueDate", "2027-05-01")))
                .build();
        var reply = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(partner, newCombinedTemplate(), sections));
        assertEquals(422, reply.status(), reply.body());
        List<String> fields = fields(reply);
        assertTrue(fields.contains("sections.campaigns[0].startDate"), fields.toString());
        assertTrue(fields.contains("sections.campaigns[0].mdfRequested.currency"), fields.toString());
    }

    @Test
    void sectionTheTemplateLacksIsRefused() {
        var light = admin.post("/jbp/api/v1/templates", Fixtures.lightTemplate("Registered light " + System.nanoTime()).build());
        assertEquals(201, light.status(), light.body());
        String partner = newPartner("Registered");
        var reply = cam.post("/jbp/api/v1/plans",
                Fixtures.newPlan(partner, light.json().getString("id"), Fixtures.sixSections()));
        assertEquals(422, reply.status(), reply.body());
        List<String> fields = fields(reply);
        assertTrue(fields.containsAll(List.of("sections.campaigns", "sections.certifications", "sections.coSell",
                "sections.kpis")), fields.toString());
    }

    @Test
    void badInputIsAClientErrorWithTheFieldNamed() {
        String partner = newPartner("Gold");
        String template = newCombinedTemplate();
        var malformed = cam.post("/jbp/api/v1/plans", "{\"partnerAccountId\": ");
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("application/problem+json", malformed.contentType());

        String wrongType = Fixtures.newPlan(partner, template, Fixtures.sixSections()).toString()
                .replace("\"employees\":250", "\"employees\":\"many\"");
        var typed = cam.post("/jbp/api/v1/plans", wrongType);
        assertEquals(400, typed.status(), typed.body());
        assertTrue(typed.json().getString("detail").contains("employees"), typed.body());

        String unknownEnum = Fixtures.newPlan(partner, template, Fixtures.sixSections()).toString()
                .replace("\"WEBINAR\"", "\"SKYWRITING\"");
        var enumReply = cam.post("/jbp/api/v1/plans", unknownEnum);
        assertEquals(400, enumReply.status(), enumReply.body());
        assertTrue(enumReply.json().getString("detail").contains("SKYWRITING"), enumReply.body());

        String negative = Fixtures.newPlan(partner, template, Fixtures.sixSections()).toString()
                .replace("\"amount\":15000", "\"amount\":-5");
        var money = cam.post("/jbp/api/v1/plans", negative);
        assertEquals(422, money.status(), money.body());
        assertTrue(fields(money).contains("sections.campaigns[0].mdfRequested.amount"), money.body());

        String oversize = Fixtures.newPlan(partner, template, Fixtures.sixSections()).toString()
                .replace("\"FY2027 joint plan\"", "\"" + "x".repeat(5000) + "\"");
        var size = cam.post("/jbp/api/v1/plans", oversize);
        assertEquals(422, size.status(), size.body());
        assertTrue(fields(size).contains("title"), size.body());

        String badId = Fixtures.newPlan(Fixtures.to18(partner).substring(0, 15) + "ZZZ", template, Fixtures.sixSections()).toString();
        var checksum = cam.post("/jbp/api/v1/plans", badId);
        assertEquals(422, checksum.status(), checksum.body());
        assertTrue(fields(checksum).contains("partnerAccountId"), checksum.body());

        String unknownField = Fixtures.newPlan(partner, template, Fixtures.sixSections()).toString()
                .replace("\"title\":", "\"titel\":\"typo\",\"title\":");
        var unknown = cam.post("/jbp/api/v1/plans", unknownField);
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.json().getString("detail").contains("titel"), unknown.body());
    }

    @Test
    void partnerUserSeesOnlyTheirOwnAccountsPlans() {
        String template = newCombinedTemplate();
        String mine = newPartner("Gold");
        String theirs = newPartner("Gold");
        String myPlan = createPlan(mine, template).json().getString("id");
        String theirPlan = createPlan(theirs, template).json().getString("id");

        Api me = api.as(Fixtures.partnerToken(Fixtures.to18(mine), "005000000000077"));
        assertEquals(200, me.get("/jbp/api/v1/plans/" + myPlan).status());
        var hidden = me.get("/jbp/api/v1/plans/" + theirPlan);
        assertEquals(404, hidden.status(), "another partner's plan does not leak its existence");
        List<String> listed = me.get("/jbp/api/v1/plans").array().getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("id")).toList();
        assertTrue(listed.contains(myPlan));
        assertTrue(!listed.contains(theirPlan));
        assertTrue(me.get("/jbp/api/v1/partners/" + theirs + "/plans").array().isEmpty());
        assertEquals(404, me.patch("/jbp/api/v1/plans/" + theirPlan, "\"1\"", "{\"title\":\"mine now\"}").status());

        var myEdit = me.get("/jbp/api/v1/plans/" + myPlan);
        var edited = me.patch("/jbp/api/v1/plans/" + myPlan, myEdit.header("ETag"), "{\"title\":\"Edited by the partner\"}");
        assertEquals(200, edited.status(), edited.body());

        Api otherCam = api.as(Fixtures.otherCamToken());
        assertEquals(404, otherCam.get("/jbp/api/v1/plans/" + myPlan).status(), "a CAM sees only their partners");
    }

    @Test
    void aPathThatIsNoPlanIdIsTheSame404ProblemAsAnUnknownPlan() {
        String unknown = java.util.UUID.randomUUID().toString();
        var expected = cam.get("/jbp/api/v1/plans/" + unknown);
        assertEquals(404, expected.status(), expected.body());
        for (String path : List.of("/jbp/api/v1/plans/not-a-plan", "/jbp/api/v1/plans/1-2-3-4-5",
                "/jbp/api/v1/plans/not-a-plan/approvals", "/jbp/api/v1/plans/not-a-plan/dashboard")) {
            var refused = cam.get(path);
            assertEquals(404, refused.status(), path + ": " + refused.body());
            assertEquals("application/problem+json", refused.contentType(), path);
            assertEquals(expected.json().getString("type"), refused.json().getString("type"), path);
            assertTrue(refused.json().getString("detail").startsWith("Plan not-a-plan")
                    || refused.json().getString("detail").startsWith("Plan 1-2-3-4-5"), refused.body());
        }
    }

    @Test
    void concurrentPatchesNeverOverwriteEachOther() throws Exception {
        String plan = createPlan(newPartner("Gold"), newCombinedTemplate()).json().getString("id");
        var read = cam.get("/jbp/api/v1/plans/" + plan);
        String etag = read.header("ETag");

        Api partnerSide = api.as(Fixtures.partnerToken(read.json().getJsonObject("partner").getString("accountId"), "005000000000088"));
        CountDownLatch go = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> {
            await(go);
            return cam.patch("/jbp/api/v1/plans/" + plan, etag, "{\"sections\":{\"coSell\":{\"engagementsTarget\":20}}}");
        });
        var second = CompletableFuture.supplyAsync(() -> {
            await(go);
            return partnerSide.patch("/jbp/api/v1/plans/" + plan, etag,
                    "{\"sections\":{\"profile\":{\"summary\":\"Partner's own words\"}}}");
        });
        go.countDown();
        List<Api.Reply> replies = List.of(first.get(), second.get());
        long ok = replies.stream().filter(r -> r.status() == 200).count();
        long stale = replies.stream().filter(r -> r.status() == 412).count();
        assertEquals(1, ok, replies.toString());
        assertEquals(1, stale, replies.toString());
        Api.Reply loser = replies.stream().filter(r -> r.status() == 412).findFirst().orElseThrow();
        assertTrue(loser.json().containsKey("currentVersion"), loser.body());

        // the winner's change is there, and the loser can re-apply on the new version without losing it
        JsonObject now = cam.get("/jbp/api/v1/plans/" + plan).json();
        boolean camWon = replies.get(0).status() == 200;
        JsonObject sections = now.getJsonObject("sections");
        if (camWon) {
            assertEquals(20, sections.getJsonObject("coSell").getInt("engagementsTarget"));
        } else {
            assertEquals("Partner's own words", sections.getJsonObject("profile").getString("summary"));
        }
        var retry = (camWon ? partnerSide : cam).patch("/jbp/api/v1/plans/" + plan,
                "\"" + now.getJsonNumber("version").longValue() + "\"",
                camWon ? "{\"sections\":{\"profile\":{\"summary\":\"Partner's own words\"}}}"
                        : "{\"sections\":{\"coSell\":{\"engagementsTarget\":20}}}");
        assertEquals(200, retry.status(), retry.body());
        JsonObject both = retry.json().getJsonObject("sections");
        assertEquals(20, both.getJsonObject("coSell").getInt("engagementsTarget"));
        assertEquals("Partner's own words", both.getJsonObject("profile").getString("summary"));
    }

    @Test
    void patchWithoutIfMatchIsRefusedAndStaleIfMatchGetsCurrentVersion() {
        String plan = createPlan(newPartner("Gold"), newCombinedTemplate()).json().getString("id");
        assertEquals(428, cam.patch("/jbp/api/v1/plans/" + plan, null, "{\"title\":\"x\"}").status());
        var stale = cam.patch("/jbp/api/v1/plans/" + plan, "\"999\"", "{\"title\":\"x\"}");
        assertEquals(412, stale.status());
        long current = cam.get("/jbp/api/v1/plans/" + plan).json().getJsonNumber("version").longValue();
        assertEquals(current, stale.json().getJsonNumber("currentVersion").longValue());
    }

    @Test
    void everySaveIsARevisionWithAFieldLevelDiff() {
        var created = createPlan(newPartner("Gold"), newCombinedTemplate());
        String plan = created.json().getString("id");
        var first = cam.patch("/jbp/api/v1/plans/" + plan, created.header("ETag"),
                "{\"title\":\"Renamed\",\"sections\":{\"coSell\":{\"engagementsTarget\":15}}}");
        assertEquals(200, first.status(), first.body());
        var second = cam.patch("/jbp/api/v1/plans/" + plan, first.header("ETag"),
                "{\"sections\":{\"profile\":{\"swot\":{\"threats\":null}}}}");
        assertEquals(200, second.status(), second.body());

        var revisions = cam.get("/jbp/api/v1/plans/" + plan + "/revisions").array();
        assertEquals(3, revisions.size());
        JsonObject r2 = revisions.getJsonObject(1);
        assertEquals(Fixtures.CAM, r2.getString("author"));
        assertTrue(r2.getJsonArray("changedFields").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList()
                .containsAll(List.of("title", "sections.coSell.engagementsTarget")), r2.toString());

        var diff = cam.get("/jbp/api/v1/plans/" + plan + "/revisions/1/diff/3").json();
        var changes = diff.getJsonArray("changes").getValuesAs(JsonObject.class);
        JsonObject engagements = changes.stream().filter(c -> c.getString("field").equals("sections.coSell.engagementsTarget"))
                .findFirst().orElseThrow();
        assertEquals(12, engagements.getInt("before"));
        assertEquals(15, engagements.getInt("after"));
        JsonObject threat = changes.stream().filter(c -> c.getString("field").startsWith("sections.profile.swot.threats"))
                .findFirst().orElseThrow();
        assertEquals("removed", threat.getString("kind"));
        assertEquals(JsonValue.ValueType.NULL, threat.get("after").getValueType());
        assertNotEquals(cam.get("/jbp/api/v1/plans/" + plan + "/revisions/1").json().getJsonObject("content"),
                cam.get("/jbp/api/v1/plans/" + plan + "/revisions/3").json().getJsonObject("content"));
    }

    @Test
    void commentThreadsHoldRepliesFromBothSides() {
        var created = createPlan(newPartner("Gold"), newCombinedTemplate());
        String plan = created.json().getString("id");
        String account = created.json().getJsonObject("partner").getString("accountId");
        var opened = cam.post("/jbp/api/v1/plans/" + plan + "/comments",
                Json.createObjectBuilder().add("section", "campaigns").add("body", "Can we move the webinar to April?").build());
        assertEquals(201, opened.status(), opened.body());
        Api partnerSide = api.as(Fixtures.partnerToken(account, "005000000000099"));
        var reply = partnerSide.post("/jbp/api/v1/plans/" + plan + "/comments",
                Json.createObjectBuilder().add("replyTo", opened.json().getString("id")).add("body", "April works for us").build());
        assertEquals(201, reply.status(), reply.body());
        assertEquals("campaigns", reply.json().getString("section"));
        cam.post("/jbp/api/v1/plans/" + plan + "/comments",
                Json.createObjectBuilder().add("section", "kpis").add("body", "Targets look right").build());

        var threads = partnerSide.get("/jbp/api/v1/plans/" + plan + "/comments").array();
        assertEquals(2, threads.size());
        JsonObject campaigns = threads.getJsonObject(0);
        assertEquals("Can we move the webinar to April?", campaigns.getString("body"));
        assertEquals("April works for us", campaigns.getJsonArray("replies").getJsonObject(0).getString("body"));
        assertEquals(1, partnerSide.get("/jbp/api/v1/plans/" + plan + "/comments?section=kpis").array().size());

        var badSection = cam.post("/jbp/api/v1/plans/" + plan + "/comments",
                Json.createObjectBuilder().add("section", "gossip").add("body", "x").build());
        assertEquals(422, badSection.status());
        assertNotNull(badSection.json().getJsonArray("errors"));
    }
}
