package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Map;
import org.jbp.sfsim.SalesforceSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a sync run ends at the org's limits, as an administrator sees it on the run: a query Salesforce will not answer
 * however it is cut (its own status, the query named, nothing sent again by itself, a resume that completes once the
 * org answers), and a share of the daily limit smaller than one step (the run stops inside the step, at the request
 * where the share is used). Its own partners in the shared simulator; faults and limits are reset after each test.
 */
class SyncLimitsIT extends DeployedWar {

    SalesforceSimulator sim;

    @BeforeEach
    void ownPartner() {
        sim = TestEnvironment.simulator();
        sim.faults().clear();
        sim.org().insert("Account", Map.of("Name", "Limits Partner " + System.nanoTime(), "IsPartner", true));
        waitUntilIdle();
    }

    @AfterEach
    void clearFaults() {
        SyncFixtures.resetOrg(sim, admin);
    }

    @Test
    void aQueryThatCannotBeSplitEndsTheRunWithTheQueryNamedAndTheRunResumesOnceTheOrgAnswers() {
        // the partner list: one query over the partner filter, nothing to split it by
        sim.faults().queryTimeoutOn("FROM Account WHERE");
        JsonObject ended = SyncFixtures.finished(admin, SyncFixtures.start(admin, "full"));
        assertEquals("QUERY_TIMEOUT", ended.getString("status"), ended.toString());
        String errors = ended.getString("errors");
        assertTrue(errors.contains("cannot be split") && errors.contains("Query: SELECT Id, Name, SystemModstamp")
                && errors.contains("FROM Account WHERE"), "the run names the query: " + errors);
        assertEquals(0, ended.getInt("querySplits"), ended.toString());

        JsonObject next = SyncFixtures.start(admin, "full");
        assertNotEquals(ended.getString("id"), next.getString("id"),
                "a run stopped by a query timeout is not resumed by itself: the same query would time out again");
        JsonObject again = SyncFixtures.finished(admin, next);
        assertEquals("QUERY_TIMEOUT", again.getString("status"), again.toString());

        sim.faults().clear();
        Api.Reply resumed = admin.post("/jbp/api/v1/sync/runs/" + ended.getString("id") + "/restart",
                jakarta.json.Json.createObjectBuilder().build());
        assertEquals(202, resumed.status(), resumed.body());
        SyncFixtures.completed(admin, resumed.json());
    }

    @Test
    void aShareSmallerThanOneStepStopsTheRunInsideItAtTheRequestWhereTheShareIsUsed() throws Exception {
        String partner = sim.org().insert("Account", Map.of("Name", "Share Partner " + System.nanoTime(),
                "IsPartner", true));
        // a Gold partner of a program of its own, which the template is for
        String program = sim.org().insert("ChannelProgram", Map.of("Name", "Limits " + System.nanoTime(),
                "IsActive", true));
        sim.org().insert("ChannelProgramMember", Map.of("PartnerId", partner, "ProgramId", program, "LevelId",
                sim.org().insert("ChannelProgramLevel", Map.of("Name", "Gold", "ProgramId", program, "Rank", 3))));
        SyncFixtures.completed(admin, SyncFixtures.start(admin, "full"));   // the module knows the partner now
        int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        SyncFixtures.activate(admin, Api.at(deployed).as(Fixtures.approverToken()), admin.post("/jbp/api/v1/plans",
                Fixtures.newPlan(partner, SyncFixtures.template(admin, "Share " + System.nanoTime()),
                        SyncFixtures.revenueSections(year, "1000000"), year)));
        var reset = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(sim.baseUrl() + "/sim/admin/reset-daily-usage"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(204, reset.statusCode());
        // a run may use 4 requests; its partners step alone makes about 9 (login, the server's clock, the program
        // members, the accounts and one record count per counted object for the plan's partner), so a check at
        // each step's start, or at each CRM operation, would let the step finish far past the share
        sim.faults().dailyLimit(40);
        JsonObject stopped = SyncFixtures.finished(admin, SyncFixtures.start(admin, "full"));
        sim.faults().dailyLimit(1_000_000);
        assertEquals("LIMIT_REACHED", stopped.getString("status"), stopped.toString());
        assertTrue(stopped.getString("errors").contains("API_BUDGET_SHARE"), stopped.toString());
        assertEquals("PARTNERS", stopped.getString("phase"), "stopped inside the first step: " + stopped);
        // one past the share at most: the connector learns the org's limit from its first response
        assertTrue(stopped.getJsonNumber("apiCalls").longValue() <= 4 + 1, "stopped at its share: " + stopped);

        Api.Reply next = admin.post("/jbp/api/v1/sync/runs", jakarta.json.Json.createObjectBuilder()
                .add("mode", "full").build());
        assertEquals(stopped.getString("id"), next.json().getString("id"), "the stopped run is resumed");
        SyncFixtures.completed(admin, next.json());
    }

    private void waitUntilIdle() {
        SyncFixtures.untilIdle(admin);
    }
}
