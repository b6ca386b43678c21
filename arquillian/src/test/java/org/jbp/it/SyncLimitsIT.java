package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.Map;
import org.jbp.sfsim.SalesforceSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a sync run ends when Salesforce will not answer a query however it is cut, as an administrator sees it on the
 * run: its own status, the query named, nothing sent again by itself, and a resume that completes once the org
 * answers. Its own partners in the shared simulator; every fault is cleared after each test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncLimitsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEnvironment.freshDeployment();
    }

    @ArquillianResource
    URL deployed;

    Api admin;
    SalesforceSimulator sim;

    @BeforeEach
    void connect() {
        admin = Api.at(deployed).as(Fixtures.adminToken());
        sim = TestEnvironment.simulator();
        sim.faults().clear();
        sim.org().insert("Account", Map.of("Name", "Limits Partner " + System.nanoTime(), "IsPartner", true));
        waitUntilIdle();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
        waitUntilIdle();
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

    private void waitUntilIdle() {
        Api.Reply runs = admin.get("/jbp/api/v1/sync/runs");
        assertEquals(200, runs.status(), runs.body());
        for (JsonValue run : runs.array()) {
            if ("RUNNING".equals(run.asJsonObject().getString("status"))) {
                SyncFixtures.finished(admin, run.asJsonObject());
            }
        }
    }
}
