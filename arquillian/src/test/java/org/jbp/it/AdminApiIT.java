package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.jbp.sfsim.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's API: every admin endpoint refuses the other roles, a CRM write Salesforce refused reaches it after
 * an admin's retry (recorded, once even when two admins retry at the same moment), and a template saved over
 * a newer version is refused.
 */
class AdminApiIT extends DeployedWar {

    private static final int THIS_YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();

    Org org;

    @BeforeEach
    void connect() {
        org = TestEnvironment.simulator().org();
    }

    @AfterEach
    void cleanUp() {
        org.clearValidationRules();
    }

    /** Every endpoint only an admin may call, as method and path (ids that exist or not: the role is checked first). */
    private static List<String[]> adminEndpoints(String template) {
        String some = UUID.randomUUID().toString();
        List<String[]> all = new ArrayList<>();
        for (String get : List.of("/sync/runs", "/sync/runs/" + some, "/crm/writes", "/crm/writes/" + some,
                "/crm/write-failures", "/crm/write-failures/" + some + "/retries", "/admin/clock")) {
            all.add(new String[] {"GET", get});
        }
        for (String post : List.of("/sync/runs", "/sync/runs/" + some + "/restart", "/crm/writes/deliveries",
                "/crm/writes/" + some + "/retry", "/crm/writes/" + some + "/discard", "/crm/write-failures/retries",
                "/crm/write-failures/" + some + "/retries", "/templates")) {
            all.add(new String[] {"POST", post});
        }
        all.add(new String[] {"PUT", "/templates/" + template});
        all.add(new String[] {"PUT", "/admin/clock"});
        return all;
    }

    private static Api.Reply call(Api who, String[] endpoint) {
        String path = "/jbp/api/v1" + endpoint[1];
        JsonObject body = Json.createObjectBuilder().add("mode", "incremental").build();
        return switch (endpoint[0]) {
            case "GET" -> who.get(path);
            case "POST" -> who.post(path, body);
            default -> who.put(path, body);
        };
    }

    @Test
    void everyAdminEndpointAnswersOtherRolesWith403Problem() {
        String template = SyncFixtures.template(admin, "Admin only " + System.nanoTime());
        Api api = Api.at(deployed);
        Map<String, Api> others = Map.of("channel manager", api.as(Fixtures.camToken()), "approver", approver,
                "partner user", api.as(Fixtures.partnerToken(Fixtures.newAccountId(), "005000000000099")));
        for (String[] endpoint : adminEndpoints(template)) {
            others.forEach((role, who) -> {
                Api.Reply reply = call(who, endpoint);
                assertEquals(403, reply.status(), role + " " + endpoint[0] + " " + endpoint[1] + ": " + reply.body());
                assertEquals("application/problem+json", reply.contentType(), role + " " + endpoint[1]);
            });
            // the admin gets past the role check on each (whatever the answer to the made-up ids and body)
            Api.Reply asAdmin = call(admin, endpoint);
            assertNotEquals(403, asAdmin.status(), "admin " + endpoint[0] + " " + endpoint[1] + ": " + asAdmin.body());
            assertNotEquals(500, asAdmin.status(), "admin " + endpoint[0] + " " + endpoint[1] + ": " + asAdmin.body());
        }
    }

    @Test
    void aRefusedWriteIsDeliveredToSalesforceAfterAnAdminRetryAndTheRetryIsRecorded() {
        String template = SyncFixtures.template(admin, "Retry " + System.nanoTime());
        String plan = WriteFixtures.refusedFundRequest(admin, approver, org, template, THIS_YEAR);
        JsonObject failed = WriteFixtures.stopped(admin, plan).get(0);
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertEquals("FIELD_CUSTOM_VALIDATION_EXCEPTION", failed.getString("lastErrorCode"), failed.toString());
        assertTrue(failed.getString("lastErrorMessage").contains("paused for the audit"), failed.toString());
        JsonObject target = failed.getJsonObject("target");
        assertEquals("PartnerFundRequest", target.getString("object"), failed.toString());
        assertTrue(target.getString("externalId").startsWith("jbp-mdf-" + plan), failed.toString());
        assertEquals(0, WriteFixtures.fundRequestsInOrg(org, plan));

        org.clearValidationRules();
        String id = failed.getString("id");
        Api.Reply retried = admin.post("/jbp/api/v1/crm/write-failures/" + id + "/retries", "");
        assertEquals(200, retried.status(), retried.body());
        assertEquals("PENDING", retried.json().getString("status"));
        assertEquals(1, retried.json().getInt("retries"));
        Api.Reply again = admin.post("/jbp/api/v1/crm/write-failures/" + id + "/retries", "");
        assertEquals(409, again.status(), "a write already due is not queued twice: " + again.body());
        assertEquals("application/problem+json", again.contentType());

        assertEquals(1, WriteFixtures.deliver(admin).getInt("delivered"));
        assertEquals("DELIVERED", admin.get("/jbp/api/v1/crm/writes/" + id).json().getString("status"));
        assertEquals(1, WriteFixtures.fundRequestsInOrg(org, plan), "in Salesforce once");
        var history = admin.get("/jbp/api/v1/crm/write-failures/" + id + "/retries").array().getValuesAs(JsonObject.class);
        assertEquals(1, history.size(), history.toString());
        assertEquals(Fixtures.ADMIN, history.get(0).getString("retriedBy"));
        assertEquals("FAILED", history.get(0).getString("previousStatus"));
        assertEquals("FIELD_CUSTOM_VALIDATION_EXCEPTION", history.get(0).getString("errorCode"),
                "the error the retry answered stays on record after delivery");
        assertTrue(WriteFixtures.stopped(admin, plan, false).isEmpty(), "a delivered write is off the list");
    }

    @Test
    void twoAdminsRetryingTheSameWriteAtOnceQueueItOnce() throws Exception {
        String template = SyncFixtures.template(admin, "Concurrent retry " + System.nanoTime());
        String plan = WriteFixtures.refusedFundRequest(admin, approver, org, template, THIS_YEAR);
        String id = WriteFixtures.stopped(admin, plan).get(0).getString("id");
        org.clearValidationRules();
        Api other = Api.at(deployed).as(TestEnvironment.token("005000000000098", "Otto Admin", List.of("jbp-admin"), null));
        CountDownLatch go = new CountDownLatch(1);
        Function<Api, CompletableFuture<Integer>> retry = who -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return who.post("/jbp/api/v1/crm/write-failures/" + id + "/retries", "").status();
        });
        var first = retry.apply(admin);
        var second = retry.apply(other);
        go.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(first.get(), second.get()));
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 409), statuses, "one retry queues it, the other is told it is due already");
        assertEquals(1, admin.get("/jbp/api/v1/crm/write-failures/" + id + "/retries").array().size());
        WriteFixtures.deliver(admin);
        assertEquals(1, WriteFixtures.fundRequestsInOrg(org, plan));
    }

    @Test
    void retryAllSendsEveryStoppedWriteAgain() {
        String template = SyncFixtures.template(admin, "Retry all " + System.nanoTime());
        String one = WriteFixtures.refusedFundRequest(admin, approver, org, template, THIS_YEAR);
        String two = WriteFixtures.refusedFundRequest(admin, approver, org, template, THIS_YEAR);
        org.clearValidationRules();
        Api.Reply all = admin.post("/jbp/api/v1/crm/write-failures/retries", "");
        assertEquals(200, all.status(), all.body());
        assertTrue(all.json().getInt("retried") >= 2, all.body());
        assertEquals(0, all.json().getJsonNumber("stillWaiting").longValue(), all.body());
        WriteFixtures.deliver(admin);
        assertEquals(1, WriteFixtures.fundRequestsInOrg(org, one));
        assertEquals(1, WriteFixtures.fundRequestsInOrg(org, two));
    }

    @Test
    void aTemplateSavedOverSomeoneElsesNewerVersionIsRefusedWith412() {
        String template = SyncFixtures.template(admin, "Versions " + System.nanoTime());
        Api.Reply read = admin.get("/jbp/api/v1/templates/" + template);
        String etag = read.header("ETag");
        assertEquals("\"1\"", etag, read.headers().toString());
        JsonObject definition = read.json().getJsonObject("definition");
        JsonObject renamed = Json.createObjectBuilder(definition).add("name", "Renamed " + System.nanoTime()).build();
        Api.Reply first = admin.put("/jbp/api/v1/templates/" + template, etag, renamed);
        assertEquals(200, first.status(), first.body());
        assertEquals(2, first.json().getInt("version"));
        Api.Reply stale = admin.put("/jbp/api/v1/templates/" + template, etag, definition);
        assertEquals(412, stale.status(), stale.body());
        assertEquals("application/problem+json", stale.contentType());
        assertEquals(2, stale.json().getInt("currentVersion"), "the refusal names the version to reload");
        assertEquals(2, admin.get("/jbp/api/v1/templates/" + template).json().getInt("version"), "nothing overwritten");
    }

    @Test
    void twoAdminsSavingTheSameTemplateVersionAtOnceSaveOneAndTheOtherIsToldToReload() throws Exception {
        String template = SyncFixtures.template(admin, "Concurrent versions " + System.nanoTime());
        Api other = Api.at(deployed).as(TestEnvironment.token("005000000000098", "Otto Admin", List.of("jbp-admin"), null));
        // several rounds: the two saves either collide on the version number or one reads the other's; either way
        // one is saved and the other refused as stale, never a 500 and never two versions for one edit
        for (int round = 1; round <= 4; round++) {
            Api.Reply read = admin.get("/jbp/api/v1/templates/" + template);
            String etag = read.header("ETag");
            JsonObject definition = read.json().getJsonObject("definition");
            CountDownLatch go = new CountDownLatch(1);
            Function<Api, CompletableFuture<Api.Reply>> save = who -> CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return who.put("/jbp/api/v1/templates/" + template, etag, Json.createObjectBuilder(definition)
                        .add("name", "Saved by " + who.hashCode() + " " + System.nanoTime()).build());
            });
            var first = save.apply(admin);
            var second = save.apply(other);
            go.countDown();
            List<Api.Reply> replies = List.of(first.get(), second.get());
            List<Integer> statuses = new ArrayList<>(replies.stream().map(Api.Reply::status).toList());
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 412), statuses, replies.toString());
            Api.Reply refused = replies.stream().filter(r -> r.status() == 412).findFirst().orElseThrow();
            assertEquals("application/problem+json", refused.contentType());
            assertEquals(round + 1, refused.json().getInt("currentVersion"), refused.body());
            assertEquals(round + 1, admin.get("/jbp/api/v1/templates/" + template).json().getInt("version"));
        }
    }
}
