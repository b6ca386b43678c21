package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plan lifecycle end to end: acceptance, approval chain, activation, review, amendment, close, next cycle. */
class LifecycleIT extends DeployedWar {

    /** A fiscal year under way today, so an approved plan becomes ACTIVE at once. */
    private static final int THIS_YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();

    Api vp;

    @BeforeEach
    void connect() {
        // the template's second step names user APPROVER; a different approver holds the role only
        vp = approver;
    }

    private String partner(String tier) {
        return Fixtures.to18(newPartner(tier));
    }

    private String template(boolean acceptance) {
        var body = Fixtures.combinedTemplate("Lifecycle " + System.nanoTime()).add("partnerAcceptance", acceptance)
                .add("approvalChain", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Channel director").add("role", "approver").add("slaHours", 48))
                        .add(Json.createObjectBuilder().add("name", "VP sales").add("user", Fixtures.APPROVER).add("slaHours", 72)))
                .build();
        var reply = admin.post("/jbp/api/v1/templates", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    private JsonObject draft(String account, String template) {
        var reply = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(account, template, Fixtures.sixSections(THIS_YEAR), THIS_YEAR));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private JsonObject pendingStep(String plan) {
        return cam.get("/jbp/api/v1/plans/" + plan).json().getJsonObject("lifecycle").getJsonObject("currentStep");
    }

    private Api partnerUser(String account) {
        return api.as(Fixtures.partnerToken(account, "005000000000066"));
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void planGoesFromDraftThroughApprovalReviewAmendmentAndCloseToTheNextCycle() throws IOException {
        String account = partner("Gold");
        String plan = draft(account, template(true)).getString("id");
        Api partner = partnerUser(account);

        var submitted = cam.post("/jbp/api/v1/plans/" + plan + "/submit", "");
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("IN_APPROVAL", submitted.json().getString("status"));
        JsonObject acceptance = pendingStep(plan);
        assertEquals("ACCEPTANCE", acceptance.getString("kind"), "Gold partners accept first");
        assertEquals(403, approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + acceptance.getString("id") + "/approve", "").status(),
                "only the partner accepts");
        assertTrue(strings(partner.get("/jbp/api/v1/plans/" + plan).json(), "allowedActions").contains("accept"));

        var accepted = partner.post("/jbp/api/v1/plans/" + plan + "/acceptance", "");
        assertEquals(200, accepted.status(), accepted.body());
        JsonObject director = pendingStep(plan);
        assertEquals("Channel director", director.getString("name"));
        assertEquals(200, approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + director.getString("id") + "/approve", "").status());
        var again = approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + director.getString("id") + "/approve", "");
        assertEquals(409, again.status(), "a decided step is never decided twice");

        JsonObject vpStep = pendingStep(plan);
        assertEquals(Fixtures.APPROVER, vpStep.getString("approverUser"));
        assertEquals(403, api.as(Fixtures.secondApproverToken())
                .post("/jbp/api/v1/plans/" + plan + "/approvals/" + vpStep.getString("id") + "/approve", "").status(),
                "a step for a named user is not for everyone with the role");
        assertEquals(200, vp.post("/jbp/api/v1/plans/" + plan + "/approvals/" + vpStep.getString("id") + "/approve", "").status());

        JsonObject active = cam.get("/jbp/api/v1/plans/" + plan).json();
        assertEquals("ACTIVE", active.getString("status"), "approved inside its period: active at once");
        assertEquals(1, active.getJsonObject("lifecycle").getInt("baselineRevision"));
        var chain = cam.get("/jbp/api/v1/plans/" + plan + "/approvals").array().getValuesAs(JsonObject.class);
        assertEquals(3, chain.size());
        assertTrue(chain.stream().allMatch(s -> s.getString("status").equals("APPROVED") && s.containsKey("decidedAt")));
        assertEquals("005000000000066", chain.get(0).getString("decidedBy"));

        assertTrue(approvalTaskQueuedFor(plan, Fixtures.APPROVER), "a Salesforce Task for the named approver is in the outbox");
        assertTrue(inbox(cam).contains("PLAN_APPROVED"));
        assertTrue(inbox(partner).contains("ACCEPTANCE_REQUESTED"));
        assertTrue(inbox(approver).contains("APPROVAL_REQUESTED"));

        var actuals = cam.post("/jbp/api/v1/plans/" + plan + "/actuals", Json.createObjectBuilder().add("values", Json.createArrayBuilder()
                .add(actual("revenue_won", 900_000)).add(actual("deals_registered", 44))
                .add(actual("pipeline_created", 3_500_000)).add(actual("certifications_completed(TECHNICAL)", 2))
                .add(actual("co_sell_engagements", 14)).add(actual("mdf_claimed", 12_000))).build());
        assertEquals(200, actuals.status(), actuals.body());

        var reviews = cam.get("/jbp/api/v1/plans/" + plan + "/reviews").array();
        assertFalse(reviews.isEmpty(), "the monthly cadence scheduled reviews");
        var review = cam.post("/jbp/api/v1/plans/" + plan + "/reviews", Json.createObjectBuilder()
                .add("notes", "Revenue slightly behind; webinar went well")
                .add("decisions", Json.createArrayBuilder().add("Add a second webinar"))
                .add("actions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("description", "Draft the webinar agenda").add("ownerSide", "PARTNER")
                        .add("owner", "Partner marketing").add("dueDate", LocalDate.now(java.time.ZoneOffset.UTC)
                                .plusDays(14).toString())))
                .build());
        assertEquals(201, review.status(), review.body());
        JsonObject frozen = review.json().getJsonObject("kpiSnapshot").getJsonArray("kpis").getJsonObject(0);
        assertEquals("revenue_won", frozen.getString("key"));
        assertEquals(0, new BigDecimal("900000").compareTo(frozen.getJsonNumber("actual").bigDecimalValue()));

        var amendment = partner.post("/jbp/api/v1/plans/" + plan + "/amendments", Json.createObjectBuilder()
                .add("rationale", "Second webinar agreed in the review")
                .add("changes", Json.createObjectBuilder().add("sections", Json.createObjectBuilder()
                        .add("coSell", Json.createObjectBuilder().add("engagementsTarget", 16)))).build());
        assertEquals(201, amendment.status(), amendment.body());
        assertEquals(12, cam.get("/jbp/api/v1/plans/" + plan).json().getJsonObject("sections").getJsonObject("coSell")
                .getInt("engagementsTarget"), "the agreed plan holds until the amendment is approved");
        assertEquals(200, partner.post("/jbp/api/v1/plans/" + plan + "/acceptance", "").status());
        assertEquals(200, approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + pendingStep(plan).getString("id") + "/approve", "").status());
        assertEquals(200, vp.post("/jbp/api/v1/plans/" + plan + "/approvals/" + pendingStep(plan).getString("id") + "/approve", "").status());
        JsonObject amended = cam.get("/jbp/api/v1/plans/" + plan).json();
        assertEquals(16, amended.getJsonObject("sections").getJsonObject("coSell").getInt("engagementsTarget"));
        assertEquals("APPROVED", cam.get("/jbp/api/v1/plans/" + plan + "/amendments").array().getJsonObject(0).getString("status"));
        var baselineDiff = cam.get("/jbp/api/v1/plans/" + plan + "/baseline-diff").json();
        JsonObject change = baselineDiff.getJsonArray("changes").getJsonObject(0);
        assertEquals("sections.coSell.engagementsTarget", change.getString("field"));
        assertEquals(12, change.getInt("before"));
        assertEquals(16, change.getInt("after"));

        var closed = cam.post("/jbp/api/v1/plans/" + plan + "/close", Json.createObjectBuilder()
                .add("vendorDelivered", Json.createObjectBuilder().add("mdfPaid", 40_000).add("coSellSupportHours", 180)
                        .add("preSalesAvailabilityHours", 120).add("executiveSponsorship", "Two QBRs attended")).build());
        assertEquals(200, closed.status(), closed.body());
        assertEquals("CLOSED", closed.json().getString("status"));

        JsonObject report = cam.get("/jbp/api/v1/plans/" + plan + "/report", "application/json").json();
        JsonObject revenue = report.getJsonArray("kpis").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("key").equals("revenue_won")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("1000000").compareTo(revenue.getJsonNumber("planned").bigDecimalValue()));
        assertEquals(0, new BigDecimal("-100000").compareTo(revenue.getJsonNumber("variance").bigDecimalValue()));
        assertEquals(0, new BigDecimal("-10.0").compareTo(revenue.getJsonNumber("variancePercent").bigDecimalValue()));
        assertEquals("Two QBRs attended", report.getJsonArray("vendorCommitments").getJsonObject(3).getString("delivered"));

        var csv = cam.get("/jbp/api/v1/plans/" + plan + "/report", "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.body().contains("\"kpi\",\"revenue_won\",\"Closed revenue\",\"CURRENCY\",\"1000000\",\"900000\",\"-100000\",\"-10\""),
                csv.body());

        String pdfText = pdfText("/jbp/api/v1/plans/" + plan + "/report");
        assertTrue(pdfText.contains("Period-end report"), pdfText);
        assertTrue(pdfText.contains("Closed revenue: $900,000.00 of $1,000,000.00 planned (90%)"), pdfText);
        assertTrue(pdfText.contains("Co-sell engagements: 14 of 16 planned (87.5%)"), pdfText);

        var next = cam.post("/jbp/api/v1/plans/" + plan + "/next-cycle", "{\"growthPercent\": 10}");
        assertEquals(201, next.status(), next.body());
        JsonObject nextPlan = next.json();
        assertEquals("DRAFT", nextPlan.getString("status"));
        assertEquals("FY" + (THIS_YEAR + 1), nextPlan.getJsonObject("period").getString("label"));
        assertEquals(0, new BigDecimal("990000").compareTo(nextPlan.getJsonObject("sections").getJsonObject("revenue")
                .getJsonObject("closedRevenue").getJsonNumber("amount").bigDecimalValue()), "actual 900000 grown by 10%");
        assertEquals(0, new BigDecimal("990000").compareTo(nextPlan.getJsonObject("sections").getJsonArray("kpis")
                .getJsonObject(0).getJsonNumber("target").bigDecimalValue()));
        assertEquals("Strong install base in retail", nextPlan.getJsonObject("sections").getJsonObject("profile")
                .getJsonObject("swot").getJsonArray("strengths").getString(0), "SWOT carried over for review");
        assertEquals(plan, nextPlan.getJsonObject("lifecycle").getString("previousPlanId"));
        assertEquals(0, new BigDecimal("900000").compareTo(nextPlan.getJsonObject("lifecycle")
                .getJsonObject("baselineActuals").getJsonNumber("revenue_won").bigDecimalValue()));
    }

    @Test
    void theReportIsOneDocumentInJsonCsvAndPdfAndThePdfIsWhatAChannelManagerHandsOverAtTheQbr() throws IOException {
        String id15 = Fixtures.newAccountId();
        assertEquals(200, admin.put("/jbp/api/v1/partners/" + id15, Fixtures.partner("Nordlicht Systems GmbH", "Gold")).status());
        String account = Fixtures.to18(id15);
        String plan = draft(account, template(true)).getString("id");
        Api partner = partnerUser(account);
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + plan + "/submit", "").status());
        assertEquals(200, partner.post("/jbp/api/v1/plans/" + plan + "/acceptance", "").status());
        var director = approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + pendingStep(plan).getString("id")
                + "/approve", "{\"reason\": \"Fits the regional budget\"}");
        assertEquals(200, director.status(), director.body());
        assertEquals(200, vp.post("/jbp/api/v1/plans/" + plan + "/approvals/" + pendingStep(plan).getString("id") + "/approve", "").status());
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + plan + "/actuals", Json.createObjectBuilder().add("values",
                Json.createArrayBuilder().add(actual("revenue_won", 900_000)).add(actual("co_sell_engagements", 14))).build()).status());
        String report = "/jbp/api/v1/plans/" + plan + "/report";

        Api.Reply json = cam.get(report, "application/json");
        assertEquals(200, json.status(), json.body());
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
        JsonObject body = json.json();
        assertEquals(List.of("ACCEPTANCE", "APPROVAL", "APPROVAL"), body.getJsonArray("approvals")
                .getValuesAs(JsonObject.class).stream().map(a -> a.getString("kind")).toList());
        assertEquals("Fits the regional budget", body.getJsonArray("approvals").getJsonObject(1).getString("reason"));
        assertEquals("Alice Approver", body.getJsonObject("people").getString(Fixtures.APPROVER));
        JsonObject burnUp = body.getJsonArray("burnUps").getJsonObject(0);
        assertEquals("revenue_won", burnUp.getString("key"));
        assertEquals(0, new BigDecimal("900000").compareTo(burnUp.getJsonArray("actual")
                .getJsonObject(burnUp.getJsonArray("actual").size() - 1).getJsonNumber("value").bigDecimalValue()),
                "the burn-up ends at today's actual: " + burnUp);
        assertEquals(cam.get("/jbp/api/v1/plans/" + plan + "/burn-up").array().getJsonObject(0), burnUp,
                "the tab's burn-up is the report's");

        Api.Reply csv = cam.get(report, "text/csv");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().contains("\"kpi\",\"revenue_won\",\"Closed revenue\",\"CURRENCY\",\"1000000\",\"900000\","
                + "\"-100000\",\"-10\",\"USD\""), csv.body());
        assertTrue(csv.body().matches("(?s).*\"approval\",\"APPROVAL\",\"Channel director\",\"APPROVED\",\"Alice Approver\","
                + "\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\",\"Fits the regional budget\".*"), csv.body());

        Api.Reply xml = cam.get(report, "application/xml");
        assertEquals(406, xml.status(), xml.body());
        assertTrue(xml.contentType().startsWith("application/problem+json"), xml.contentType());
        assertEquals(406, json(xml.body()).getInt("status"));

        String german = pdfText(report, "de-DE,de;q=0.9,en;q=0.5");
        assertTrue(german.contains("Nordlicht Systems GmbH"), german);
        assertFalse(german.contains(id15) || german.contains(account), "no raw account id: " + german);
        assertFalse(german.contains("CURRENCY"), german);
        assertTrue(german.contains("Closed revenue: 900.000,00 $ of 1.000.000,00 $ planned (90 %)"), german);
        assertTrue(german.contains("accepted by Pat Partner"), german);
        assertTrue(german.contains("approved by Alice Approver (Channel director"), german);
        assertTrue(german.contains("Approval trail") && german.contains("Fits the regional budget"), german);
        assertTrue(german.contains("Figures of the burn-up of Closed revenue"), german);
        assertTrue(german.contains("Date Actual Planned pace Projection"), german);
        assertTrue(german.contains("01.01." + THIS_YEAR + " 0,00 $ 0,00 $"), "the burn-up's first row: " + german);
        String english = pdfText(report);
        assertTrue(english.contains("Closed revenue: $900,000.00 of $1,000,000.00 planned (90%)"),
                "a USD plan reads in en-US without Accept-Language: " + english);

        // a report kept at close before the approval trail, names, units and burn-ups were part of it still reads,
        // with that history read now
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + plan + "/close", "").status());
        try (Connection c = TestEnvironment.database().getConnection()) {
            String kept;
            try (PreparedStatement read = c.prepareStatement("select closing_report from business_plan where id = ?::uuid")) {
                read.setString(1, plan);
                try (ResultSet rows = read.executeQuery()) {
                    assertTrue(rows.next());
                    kept = rows.getString(1);
                }
            }
            String older = kept.replaceAll(",\"lowerIsBetter\":(true|false)", "").replaceAll(",\"unit\":\"HOURS\"", "")
                    .replace("\"approvals\":[],", "").replace("\"burnUps\":[],", "").replaceAll(",?\"people\":\\{}", "");
            assertFalse(older.contains("approvals") || older.contains("lowerIsBetter") || older.contains("people"), older);
            try (PreparedStatement write = c.prepareStatement("update business_plan set closing_report = ? where id = ?::uuid")) {
                write.setString(1, older);
                write.setString(2, plan);
                assertEquals(1, write.executeUpdate());
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        JsonObject closed = cam.get(report, "application/json").json();
        assertFalse(closed.getBoolean("interim"));
        assertEquals(3, closed.getJsonArray("approvals").size(), closed.toString());
        assertEquals(200, cam.get(report, "text/csv").status());
        String kept = pdfText(report, "en-GB");
        assertTrue(kept.contains("Period-end report") && kept.contains("approved by Alice Approver"), kept);
        assertTrue(kept.contains("Closed revenue: US$900,000.00 of US$1,000,000.00 planned (90%)"), kept);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void nextReviewDecidesEveryOpenActionOfThePreviousOneAndTheReportHoldsThemAll() throws IOException {
        String account = partner("Gold");
        String plan = activePlan(account);
        Api partner = partnerUser(account);
        String reviews = "/jbp/api/v1/plans/" + plan + "/reviews";
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

        JsonObject workspace = cam.get(reviews + "/next").json();
        JsonObject line = workspace.getJsonObject("kpiSnapshot").getJsonArray("kpis").getJsonObject(0);
        assertEquals("revenue_won", line.getString("key"));
        for (String figure : List.of("target", "expectedToDate", "status")) {
            assertTrue(line.containsKey(figure), "the workspace shows the pace: " + line);
        }
        assertTrue(!workspace.containsKey("previousReview") || workspace.isNull("previousReview"), workspace.toString());
        assertEquals(0, workspace.getJsonArray("openActions").size());

        var bad = cam.post(reviews, Json.createObjectBuilder().add("notes", "First review")
                .add("actions", Json.createArrayBuilder()
                        .add(action("Agree the MDF split", "SIDEWAYS", today.plusDays(7)))
                        .add(Json.createObjectBuilder().add("description", "No date").add("ownerSide", "VENDOR")))
                .build());
        assertEquals(422, bad.status(), bad.body());
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
        assertEquals(List.of("actions[0].ownerSide", "actions[1].dueDate"), fields(bad));

        var first = cam.post(reviews, Json.createObjectBuilder().add("notes", "First review")
                .add("decisions", Json.createArrayBuilder().add("Run a second webinar"))
                .add("actions", Json.createArrayBuilder()
                        .add(action("Approve the webinar MDF", "VENDOR", today.plusDays(7)).add("owner", "Dana"))
                        .add(action("Invite 40 accounts", "PARTNER", today.plusDays(14))))
                .build());
        assertEquals(201, first.status(), first.body());
        String firstId = first.json().getString("id");
        assertEquals("OPEN", first.json().getJsonArray("actions").getJsonObject(0).getString("status"));
        assertEquals("Dana", first.json().getJsonArray("actions").getJsonObject(0).getString("owner"));

        Api stranger = partnerUser(partner("Gold"));
        assertEquals(404, stranger.get(reviews + "/next").status(), "another partner does not see the plan");
        assertEquals(404, stranger.post(reviews, Json.createObjectBuilder().add("notes", "Not mine")
                .add("previousActions", Json.createArrayBuilder().add(decision(0, "DONE")).add(decision(1, "DONE")))
                .build()).status(), "nor records a review of it, even a complete one");

        JsonObject next = partner.get(reviews + "/next").json();
        assertEquals(firstId, next.getJsonObject("previousReview").getString("id"));
        List<JsonObject> open = next.getJsonArray("openActions").getValuesAs(JsonObject.class);
        assertEquals(List.of(0, 1), open.stream().map(o -> o.getInt("action")).toList());
        assertEquals("VENDOR", open.get(0).getJsonObject("detail").getString("ownerSide"));

        var undecided = partner.post(reviews, Json.createObjectBuilder().add("notes", "Second review")
                .add("previousActions", Json.createArrayBuilder().add(decision(0, "DONE"))).build());
        assertEquals(422, undecided.status(), undecided.body());
        assertEquals(List.of("previousActions"), fields(undecided), "action 1 was left without a decision");
        var unknown = partner.post(reviews, Json.createObjectBuilder().add("notes", "Second review")
                .add("previousActions", Json.createArrayBuilder().add(decision(0, "DONE")).add(decision(1, "LATER")))
                .build());
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals(List.of("previousActions[1].status"), fields(unknown));

        var second = partner.post(reviews, Json.createObjectBuilder().add("notes", "Second review, by the partner")
                .add("previousActions", Json.createArrayBuilder().add(decision(0, "DONE")).add(decision(1, "CARRIED_OVER")))
                .add("actions", Json.createArrayBuilder().add(action("Share the attendee list", "PARTNER", today.plusDays(10))))
                .build());
        assertEquals(201, second.status(), second.body());
        List<JsonObject> carried = second.json().getJsonArray("actions").getValuesAs(JsonObject.class);
        assertEquals(List.of("Invite 40 accounts", "Share the attendee list"),
                carried.stream().map(a -> a.getString("description")).toList());
        assertEquals("OPEN", carried.get(0).getString("status"));
        assertEquals(firstId, carried.get(0).getJsonObject("carriedFrom").getString("reviewId"));
        assertEquals(1, carried.get(0).getJsonObject("carriedFrom").getInt("action"));

        JsonObject firstNow = cam.get(reviews).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(firstId)).findFirst().orElseThrow();
        assertEquals(List.of("DONE", "CARRIED_OVER"), firstNow.getJsonArray("actions").getValuesAs(JsonObject.class)
                .stream().map(a -> a.getString("status")).toList());
        assertEquals(List.of(0, 1), cam.get(reviews + "/next").json().getJsonArray("openActions")
                .getValuesAs(JsonObject.class).stream().map(o -> o.getInt("action")).toList(),
                "the third review sees the carried-over action and the new one");

        JsonObject report = cam.get("/jbp/api/v1/plans/" + plan + "/report", "application/json").json();
        List<JsonObject> held = report.getJsonArray("reviews").getValuesAs(JsonObject.class);
        assertEquals(2, held.size());
        assertEquals("Run a second webinar", held.get(0).getJsonArray("decisions").getString(0));
        assertEquals("CARRIED_OVER", held.get(0).getJsonArray("actions").getJsonObject(1).getString("status"));
        String csv = cam.get("/jbp/api/v1/plans/" + plan + "/report", "text/csv").body();
        assertTrue(csv.contains("\"review-action\",\"" + held.get(0).getString("dueDate") + "\",\"Approve the webinar MDF\","
                + "\"VENDOR\",\"" + today.plusDays(7) + "\",\"DONE\""), csv);
        String pdf = pdfText("/jbp/api/v1/plans/" + plan + "/report");
        assertTrue(pdf.contains("Reviews held") && pdf.contains("Invite 40 accounts Partner"), pdf);
    }

    @Test
    void actionsOfAReviewRecordedBeforeOwnerSidesAndStatusesAreOpenUntilTheNextReviewDecidesThem() throws SQLException {
        String plan = activePlan(partner("Gold"));
        String reviews = "/jbp/api/v1/plans/" + plan + "/reviews";
        var old = cam.post(reviews, "{\"notes\":\"Recorded before actions had owner sides\"}");
        assertEquals(201, old.status(), old.body());
        try (Connection c = TestEnvironment.database().getConnection();
             PreparedStatement s = c.prepareStatement("update plan_review set actions = ? where id = ?::uuid")) {
            s.setString(1, "[{\"description\":\"Draft the webinar agenda\",\"owner\":\"Partner marketing\"}]");
            s.setString(2, old.json().getString("id"));
            assertEquals(1, s.executeUpdate());
        }
        JsonObject open = cam.get(reviews + "/next").json().getJsonArray("openActions").getJsonObject(0);
        assertEquals("Draft the webinar agenda", open.getJsonObject("detail").getString("description"));
        assertFalse(open.getJsonObject("detail").containsKey("ownerSide"), open.toString());
        var next = cam.post(reviews, Json.createObjectBuilder().add("notes", "Agenda done")
                .add("previousActions", Json.createArrayBuilder().add(decision(0, "DONE"))).build());
        assertEquals(201, next.status(), next.body());
        assertEquals("DONE", cam.get(reviews).array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("id").equals(old.json().getString("id"))).findFirst().orElseThrow()
                .getJsonArray("actions").getJsonObject(0).getString("status"));
    }

    private static JsonObject decision(int action, String status) {
        return Json.createObjectBuilder().add("action", action).add("status", status).build();
    }

    private static jakarta.json.JsonObjectBuilder action(String description, String side, LocalDate due) {
        return Json.createObjectBuilder().add("description", description).add("ownerSide", side)
                .add("dueDate", due.toString());
    }

    private static List<String> fields(Api.Reply problem) {
        return problem.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    @Test
    void revisionRequestAndRejectionNeedReasonsAndEndWhereTheyShould() {
        String account = partner("Platinum");
        String plan = draft(account, template(false)).getString("id");
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + plan + "/submit", "").status());
        String step = pendingStep(plan).getString("id");
        var noReason = approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + step + "/request-revision", "{}");
        assertEquals(422, noReason.status(), noReason.body());
        assertEquals("reason", noReason.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        var revision = approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + step + "/request-revision",
                "{\"reason\":\"Pipeline target is not credible\"}");
        assertEquals(200, revision.status(), revision.body());
        JsonObject draft = cam.get("/jbp/api/v1/plans/" + plan).json();
        assertEquals("DRAFT", draft.getString("status"));
        assertTrue(inbox(cam).contains("REVISION_REQUESTED"));
        var chain = cam.get("/jbp/api/v1/plans/" + plan + "/approvals").array().getValuesAs(JsonObject.class);
        assertEquals("Pipeline target is not credible", chain.get(0).getString("reason"));
        assertEquals("SKIPPED", chain.get(1).getString("status"));

        var edited = cam.patch("/jbp/api/v1/plans/" + plan, "\"" + draft.getJsonNumber("version").longValue() + "\"",
                "{\"sections\":{\"revenue\":{\"pipeline\":{\"amount\":3000000,\"currency\":\"USD\"}}}}");
        assertEquals(200, edited.status(), edited.body());
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + plan + "/submit", "").status());
        String second = pendingStep(plan).getString("id");
        assertEquals(422, approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + second + "/reject", "").status());
        assertEquals(200, approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + second + "/reject",
                "{\"reason\":\"Partner is leaving the program\"}").status());
        assertEquals("REJECTED", cam.get("/jbp/api/v1/plans/" + plan).json().getString("status"));

        var illegal = cam.post("/jbp/api/v1/plans/" + plan + "/submit", "");
        assertEquals(409, illegal.status(), illegal.body());
        assertEquals("REJECTED", illegal.json().getString("status"));
        assertEquals(List.of("comment"), strings(illegal.json(), "allowedActions"));
    }

    @Test
    void incompletePlanCannotBeSubmitted() {
        String account = partner("Gold");
        JsonObject sections = Json.createObjectBuilder(Fixtures.sixSections(THIS_YEAR)).remove("campaigns").remove("coSell").build();
        var reply = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(account, template(false), sections, THIS_YEAR));
        String plan = reply.json().getString("id");
        var refused = cam.post("/jbp/api/v1/plans/" + plan + "/submit", "");
        assertEquals(422, refused.status(), refused.body());
        List<String> fields = refused.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertEquals(List.of("sections.campaigns", "sections.coSell"), fields);
        assertEquals("DRAFT", cam.get("/jbp/api/v1/plans/" + plan).json().getString("status"));
    }

    @Test
    void eachQueueHoldsExactlyTheStepsItsOwnerMayDecideOverdueFirst() {
        Api bob = api.as(Fixtures.secondApproverToken());
        String account = partner("Gold");
        String late = draft(account, template(false)).getString("id");
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + late + "/submit", "").status());
        String accepting = draft(account, template(true)).getString("id");
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + accepting + "/submit", "").status());
        try {
            assertEquals(200, admin.put("/jbp/api/v1/admin/clock", Json.createObjectBuilder()
                    .add("now", Instant.now().plus(Duration.ofHours(49)).toString()).build()).status());
            String fresh = draft(partner("Gold"), template(false)).getString("id");
            assertEquals(200, cam.post("/jbp/api/v1/plans/" + fresh + "/submit", "").status());
            Set<String> mine = Set.of(late, accepting, fresh);

            List<JsonObject> forBob = waiting(bob, mine);
            assertEquals(List.of(late, fresh), forBob.stream().map(w -> w.getString("planId")).toList(),
                    "role approver: both first steps, the one past its SLA first; not the partner's acceptance");
            JsonObject overdue = forBob.get(0);
            assertTrue(overdue.getBoolean("overdue"));
            assertTrue(overdue.getJsonNumber("slaHoursLeft").longValue() < 0, overdue.toString());
            assertEquals("Channel director", overdue.getString("stepName"));
            assertEquals("Gold", overdue.getString("tier"));
            assertEquals("COMBINED", overdue.getString("planType"));
            JsonObject headline = overdue.getJsonObject("headline");
            assertEquals(0, headline.getJsonNumber("mdfRequested").bigDecimalValue().compareTo(new BigDecimal("15000")));
            assertEquals(0, headline.getJsonNumber("closedRevenue").bigDecimalValue().compareTo(new BigDecimal("1000000")));
            assertFalse(forBob.get(1).getBoolean("overdue"));

            assertEquals(List.of(accepting), waiting(partnerUser(account), mine).stream()
                    .map(w -> w.getString("planId")).toList(), "the partner's own acceptance, nothing else");
            assertEquals(List.of(), waiting(partnerUser(partner("Gold")), mine), "another partner waits for nothing");
            assertEquals(List.of(), waiting(cam, mine), "no step names the channel manager");
            assertEquals(List.of(), waiting(admin, mine), "the admin decides only what is escalated to them");

            assertEquals(200, admin.post("/jbp/api/v1/admin/lifecycle/run", "").status());
            JsonObject escalated = waiting(admin, mine).stream().filter(w -> w.getString("planId").equals(late))
                    .findFirst().orElseThrow(() -> new AssertionError("the escalated step reaches the admin"));
            assertEquals("jbp-admin", escalated.getString("escalatedTo"));

            String step = overdue.getString("stepId");
            assertEquals(200, bob.post("/jbp/api/v1/plans/" + late + "/approvals/" + step + "/approve", "").status());
            assertEquals(List.of(fresh), waiting(bob, mine).stream().map(w -> w.getString("planId")).toList(),
                    "the next step names another user: it leaves Bob's queue");
            assertEquals("VP sales", waiting(vp, mine).stream().filter(w -> w.getString("planId").equals(late))
                    .findFirst().orElseThrow().getString("stepName"), "and reaches the user it names");
            for (Api who : List.of(bob, vp, partnerUser(account))) {
                for (JsonObject w : waiting(who, mine)) {
                    List<String> actions = strings(who.get("/jbp/api/v1/plans/" + w.getString("planId")).json(),
                            "allowedActions");
                    assertTrue(actions.contains("approve") || actions.contains("accept"),
                            "whatever a queue shows, its owner may decide: " + w + " " + actions);
                }
            }
            Api.Reply bad = bob.get("/jbp/api/v1/approvals/waiting?limit=0");
            assertEquals(422, bad.status(), bad.body());
        } finally {
            admin.put("/jbp/api/v1/admin/clock", Json.createObjectBuilder().add("now", Instant.now().toString()).build());
        }
    }

    @Test
    void homeShowsTheCallersPlansFilteredInTheDatabaseWithTotalsReviewsDueAndPlansEndingSoon() {
        String gold = partner("Gold");
        String platinum = partner("Platinum");
        String goldPlan = activePlan(gold);
        String platinumPlan = activePlan(platinum);
        String accepting = draft(gold, template(true)).getString("id");
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + accepting + "/submit", "").status());
        Set<String> mine = Set.of(goldPlan, platinumPlan, accepting);

        JsonObject home = home(cam, "");
        assertEquals(Set.of(goldPlan, platinumPlan), planIds(home.getJsonObject("partners"), mine));
        JsonObject line = home.getJsonObject("partners").getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonObject("plan").getString("planId").equals(goldPlan)).findFirst().orElseThrow();
        assertTrue(line.getJsonObject("attainmentByKpi").containsKey("revenue_won"), line.toString());
        assertEquals("Gold", line.getJsonObject("plan").getString("tier"));
        assertEquals(Set.of(accepting), planIds(home.getJsonObject("waitingOnPartner"), mine));

        assertEquals(Set.of(goldPlan), planIds(home(cam, "tier=gold").getJsonObject("partners"), mine),
                "the tier filter, case-insensitive");
        assertEquals(Set.of(), planIds(home(cam, "region=APAC").getJsonObject("partners"), mine));
        assertEquals(Set.of(), planIds(home(cam, "status=DRAFT").getJsonObject("partners"), mine));
        JsonObject onePerPage = home(cam, "limit=1").getJsonObject("partners");
        assertEquals(1, onePerPage.getJsonArray("items").size());
        long allLines = home.getJsonObject("partners").getJsonNumber("total").longValue();
        assertTrue(allLines >= 2, home.toString());
        assertEquals(allLines, onePerPage.getJsonNumber("total").longValue(), "a page says how many match in all");
        JsonObject pastTheEnd = home(cam, "limit=1&offset=" + allLines).getJsonObject("partners");
        assertEquals(0, pastTheEnd.getJsonArray("items").size());
        assertEquals(allLines, pastTheEnd.getJsonNumber("total").longValue(),
                "a page past the end still says how many match");

        JsonObject other = home(api.as(Fixtures.otherCamToken()), "");
        for (String list : List.of("partners", "waitingOnPartner", "endingWithoutNextCycle", "reviewsDue")) {
            assertEquals(Set.of(), planIds(other.getJsonObject(list), mine), "another channel manager: " + list);
        }
        assertEquals(Set.of(goldPlan), planIds(home(partnerUser(gold), "").getJsonObject("partners"), mine),
                "a partner user: their own account only");
        assertEquals(422, cam.get("/jbp/api/v1/home?status=SIDEWAYS").status());

        Api.Reply next = partnerUser(gold).get("/jbp/api/v1/home/partner");
        assertEquals(200, next.status(), next.body());
        Map<String, JsonObject> byPlan = next.array().getValuesAs(JsonObject.class).stream()
                .collect(java.util.stream.Collectors.toMap(p -> p.getString("planId"), p -> p));
        assertTrue(byPlan.containsKey(goldPlan) && byPlan.containsKey(accepting), next.body());
        assertFalse(byPlan.containsKey(platinumPlan), "another account's plan");
        assertTrue(byPlan.get(accepting).getJsonArray("nextSteps").getValuesAs(JsonObject.class).stream()
                .anyMatch(st -> st.getString("action").equals("accept")), "the partner must accept: " + next.body());
        JsonObject vendor = byPlan.get(goldPlan).getJsonObject("vendor");
        assertEquals(0, vendor.getJsonNumber("mdfCommitted").bigDecimalValue().compareTo(new BigDecimal("50000")),
                vendor.toString());
        assertEquals(0, vendor.getJsonNumber("mdfRequested").bigDecimalValue().compareTo(new BigDecimal("15000")),
                vendor.toString());
        assertEquals(403, cam.get("/jbp/api/v1/home/partner").status(), "a partner user's view only");

        LocalDate end = LocalDate.parse(cam.get("/jbp/api/v1/plans/" + goldPlan).json().getJsonObject("period")
                .getString("end"));
        LocalDate due = LocalDate.parse(cam.get("/jbp/api/v1/plans/" + goldPlan + "/reviews").array()
                .getJsonObject(0).getString("dueDate"));
        try {
            moveClockTo(due.minusDays(3));
            JsonObject week = home(cam, "");
            assertEquals(Set.of(goldPlan, platinumPlan), planIds(week.getJsonObject("reviewsDue"), mine),
                    "reviews due within the week");
            moveClockTo(due.plusDays(1));
            assertTrue(home(cam, "").getJsonObject("reviewsDue").getJsonArray("items").getValuesAs(JsonObject.class)
                    .stream().filter(r -> r.getJsonObject("plan").getString("planId").equals(goldPlan))
                    .allMatch(r -> r.getBoolean("overdue")), "and once past their date, overdue");
            moveClockTo(end.minusDays(10));
            assertEquals(Set.of(goldPlan, platinumPlan), planIds(home(cam, "").getJsonObject("endingWithoutNextCycle"),
                    mine), "ending within the window, no next cycle yet");
            // next year's plan for the Gold partner, made directly rather than with "next cycle": it continues the plan
            Api.Reply nextYear = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(gold, template(false),
                    Fixtures.sixSections(THIS_YEAR + 1), THIS_YEAR + 1));
            assertEquals(201, nextYear.status(), nextYear.body());
            assertEquals(Set.of(platinumPlan), planIds(home(cam, "").getJsonObject("endingWithoutNextCycle"), mine),
                    "a plan of the partner's next period counts as its next cycle, however it was made");
            moveClockTo(end.minusDays(100));
            assertEquals(Set.of(), planIds(home(cam, "").getJsonObject("endingWithoutNextCycle"), mine));
        } finally {
            admin.put("/jbp/api/v1/admin/clock", Json.createObjectBuilder().add("now", Instant.now().toString()).build());
        }
    }

    private String activePlan(String account) {
        String plan = draft(account, template(false)).getString("id");
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + plan + "/submit", "").status());
        for (int step = 0; step < 2; step++) {
            String id = pendingStep(plan).getString("id");
            Api.Reply approved = approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + id + "/approve", "");
            assertEquals(200, approved.status(), approved.body());
        }
        assertEquals("ACTIVE", cam.get("/jbp/api/v1/plans/" + plan).json().getString("status"));
        return plan;
    }

    private static JsonObject home(Api who, String query) {
        Api.Reply reply = who.get("/jbp/api/v1/home?" + (query.contains("limit=") ? query : "limit=200&" + query));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** The plan ids of one of the home's lists, among {@code plans}; its total covers at least its items. */
    private static Set<String> planIds(JsonObject listed, Set<String> plans) {
        List<JsonObject> items = listed.getJsonArray("items").getValuesAs(JsonObject.class);
        assertTrue(listed.getJsonNumber("total").longValue() >= items.size(), listed.toString());
        return items.stream().map(i -> i.containsKey("plan") ? i.getJsonObject("plan").getString("planId")
                : i.getString("planId")).filter(plans::contains).collect(java.util.stream.Collectors.toSet());
    }

    /** The caller's queue, only the steps of {@code plans}: other tests of this class leave steps waiting too. */
    private static List<JsonObject> waiting(Api who, Set<String> plans) {
        Api.Reply reply = who.get("/jbp/api/v1/approvals/waiting?limit=200");
        assertEquals(200, reply.status(), reply.body());
        JsonObject queue = reply.json();
        List<JsonObject> items = queue.getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(queue.getInt("total"), items.size(), "a queue of this size is never cut short");
        return items.stream().filter(w -> plans.contains(w.getString("planId"))).toList();
    }

    @Test
    void stepPastItsSlaIsEscalatedWhenTheClockMoves() {
        String plan = draft(partner("Gold"), template(false)).getString("id");
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + plan + "/submit", "").status());
        String step = pendingStep(plan).getString("id");
        assertEquals(403, admin.post("/jbp/api/v1/plans/" + plan + "/approvals/" + step + "/approve", "").status(),
                "before escalation the admin is not the approver");
        try {
            var moved = admin.put("/jbp/api/v1/admin/clock", Json.createObjectBuilder()
                    .add("now", Instant.now().plus(Duration.ofHours(49)).toString()).build());
            assertEquals(200, moved.status(), moved.body());
            assertEquals(200, admin.post("/jbp/api/v1/admin/lifecycle/run", "").status());
            JsonObject escalated = cam.get("/jbp/api/v1/plans/" + plan + "/approvals").array().getJsonObject(0);
            assertNotNull(escalated.getString("escalatedAt"));
            assertEquals("jbp-admin", escalated.getString("escalatedTo"));
            assertTrue(escalated.getBoolean("overdue"));
            assertTrue(inbox(admin).contains("APPROVAL_ESCALATED"));
            assertEquals(200, admin.post("/jbp/api/v1/plans/" + plan + "/approvals/" + step + "/approve", "").status(),
                    "the escalation role may now decide");
        } finally {
            admin.put("/jbp/api/v1/admin/clock", Json.createObjectBuilder().add("now", Instant.now().toString()).build());
        }
    }

    @Test
    void timeActivatesFuturePlansFlagsOverdueReviewsAndClosesEndedPlans() {
        String template = template(false);
        String current = draft(partner("Gold"), template).getString("id");
        var future = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(partner("Gold"), template,
                Fixtures.sixSections(THIS_YEAR + 1), THIS_YEAR + 1));
        assertEquals(201, future.status(), future.body());
        String next = future.json().getString("id");
        for (String plan : List.of(current, next)) {
            assertEquals(200, cam.post("/jbp/api/v1/plans/" + plan + "/submit", "").status());
            assertEquals(200, approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + pendingStep(plan).getString("id") + "/approve", "").status());
            assertEquals(200, vp.post("/jbp/api/v1/plans/" + plan + "/approvals/" + pendingStep(plan).getString("id") + "/approve", "").status());
        }
        assertEquals("ACTIVE", cam.get("/jbp/api/v1/plans/" + current).json().getString("status"));
        assertEquals("APPROVED", cam.get("/jbp/api/v1/plans/" + next).json().getString("status"), "its period has not started");
        try {
            moveClockTo(java.time.LocalDate.of(THIS_YEAR + 1, 1, 2));
            assertEquals(200, admin.post("/jbp/api/v1/admin/lifecycle/run", "").status());
            assertTrue(inbox(cam).contains("REVIEW_OVERDUE"), "the December review was never held");
            JsonObject closed = cam.get("/jbp/api/v1/plans/" + current).json();
            assertEquals("CLOSED", closed.getString("status"), "closed automatically at period end");
            assertEquals("jbp-system", closed.getJsonObject("lifecycle").getString("closedBy"));
            assertEquals(200, cam.get("/jbp/api/v1/plans/" + current + "/report", "application/json").status());
            assertEquals("ACTIVE", cam.get("/jbp/api/v1/plans/" + next).json().getString("status"), "activated at its period start");
            assertFalse(cam.get("/jbp/api/v1/plans/" + next + "/reviews").array().isEmpty());
        } finally {
            admin.put("/jbp/api/v1/admin/clock", Json.createObjectBuilder().add("now", Instant.now().toString()).build());
        }
    }

    private void moveClockTo(java.time.LocalDate day) {
        var moved = admin.put("/jbp/api/v1/admin/clock", Json.createObjectBuilder()
                .add("now", day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC).toString()).build());
        assertEquals(200, moved.status(), moved.body());
    }

    @Test
    void twoApproversDecidingOneStepAtOnceRecordOneDecision() throws Exception {
        String plan = draft(partner("Gold"), template(false)).getString("id");
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + plan + "/submit", "").status());
        String step = pendingStep(plan).getString("id");
        Api other = api.as(Fixtures.secondApproverToken());
        CountDownLatch go = new CountDownLatch(1);
        var first = CompletableFuture.supplyAsync(() -> {
            await(go);
            return approver.post("/jbp/api/v1/plans/" + plan + "/approvals/" + step + "/approve", "");
        });
        var second = CompletableFuture.supplyAsync(() -> {
            await(go);
            return other.post("/jbp/api/v1/plans/" + plan + "/approvals/" + step + "/reject", "{\"reason\":\"no\"}");
        });
        go.countDown();
        List<Integer> statuses = List.of(first.get().status(), second.get().status());
        assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
        JsonObject decided = cam.get("/jbp/api/v1/plans/" + plan + "/approvals").array().getJsonObject(0);
        String expected = first.get().status() == 200 ? "APPROVED" : "REJECTED";
        assertEquals(expected, decided.getString("status"));
    }

    private static JsonObject actual(String metric, long value) {
        return Json.createObjectBuilder().add("metric", metric).add("value", value).build();
    }

    private static List<String> inbox(Api who) {
        return who.get("/jbp/api/v1/me/notifications").array().getValuesAs(JsonObject.class).stream()
                .map(n -> n.getString("kind")).toList();
    }

    private static boolean approvalTaskQueuedFor(String plan, String owner) {
        try (Connection c = TestEnvironment.database().getConnection();
             PreparedStatement s = c.prepareStatement("select payload from crm_outbox where plan_id = ?::uuid "
                     + "and kind = 'TASK_UPSERT' and external_id like 'jbp-step-%'")) {
            s.setString(1, plan);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).contains("\"ownerId\":\"" + owner + "\"")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String pdfText(String path) throws IOException {
        return pdfText(path, null);
    }

    /** The PDF's text as a reader of {@code language} gets it, every run of spaces (no-break ones too) as one. */
    private String pdfText(String path, String language) throws IOException {
        HttpRequest.Builder asked = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", "Bearer " + Fixtures.camToken()).header("Accept", "application/pdf");
        HttpRequest request = (language == null ? asked : asked.header("Accept-Language", language)).build();
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
            try (PDDocument pdf = Loader.loadPDF(response.body())) {
                return new PDFTextStripper().getText(pdf).replaceAll("[\\s\\u00a0]+", " ");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
