package org.jbp.it.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jbp.it.Api;
import org.jbp.it.Fixtures;
import org.jbp.it.SyncFixtures;
import org.jbp.it.TestEnvironment;
import org.jbp.sfsim.Org;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The WAR on a fresh Payara Micro as INSTALL.md has an admin install it: pool, JDBC resource and the batch runtime's
 * job repository from descriptors/payara/post-boot-commands.asadmin, and every scheduler at its shipped default
 * (only the incremental sync interval shortened, by configuration). Every other test drives the sync, the outbox
 * and the lifecycle pass through the API with the schedulers off; here nothing is triggered by hand, so a first
 * scheduled run that breaks the server (as Payara's lazily booted batch runtime once did inside a timer's
 * transaction) fails this test. It is also the test of the server-managed pool: no jbp.db.url, the module runs on
 * jdbc/jbp for migration, readiness and every plan.
 */
class AsInstalledIT {

    private static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();

    /** The variables the suite sets to switch schedulers off or make time adjustable: an installed server has none. */
    private static final Set<String> TEST_ONLY_SETTINGS = Set.of("JBP_DB_URL", "JBP_SYNC_SCHEDULER_ENABLED",
            "JBP_OUTBOX_SCHEDULER_ENABLED", "JBP_LIFECYCLE_SCHEDULER_ENABLED", "JBP_CLOCK_ADJUSTABLE",
            "JBP_SYNC_CHUNK_SIZE", "JBP_OPENAPI_UI_ENABLED");

    private SecondInstance node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void schedulersAtTheirDefaultsSyncDeliverAndCloseOnAFreshServer() {
        TestEnvironment.freshDatabase();
        Org org = TestEnvironment.simulator().org();
        String partner = org.insert("Account", Map.of("Name", "Installed partner " + System.nanoTime(),
                "IsPartner", true));
        for (int i = 1; i <= 3; i++) {
            org.insert("Opportunity", Map.of("Name", "Won deal " + i, "PartnerAccountId", partner,
                    "StageName", "Closed Won", "IsWon", true, "IsClosed", true,
                    "Amount", new BigDecimal(10_000 * i), "CloseDate", THIS_YEAR + "-01-1" + i));
        }

        node = install("as-installed", installedEnvironment(), "");
        Api admin = Api.at(node.url()).as(Fixtures.adminToken());
        Api approver = Api.at(node.url()).as(Fixtures.approverToken());

        JsonObject database = Api.at(node.url()).anonymous().get("/jbp/health/ready").json().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("name").equals("database"))
                .findFirst().orElseThrow();
        assertEquals("jdbc/jbp", database.getJsonObject("data").getString("dataSource"),
                "no jbp.db.url: the module runs on the resource the post-boot commands defined");
        JsonObject first = awaitFirstScheduledRun(admin);
        assertEquals("COMPLETED", first.getString("status"), "the first scheduled sync completes: " + first);

        assertEquals(200, admin.put("/jbp/api/v1/partners/" + partner, Fixtures.partner("Installed " + partner,
                "Gold")).status());
        String template = SyncFixtures.template(admin, "Installed " + System.nanoTime());
        String current = SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans",
                Fixtures.newPlan(partner, template, SyncFixtures.revenueSections(THIS_YEAR, "100000"), THIS_YEAR)));
        String lastYear = SyncFixtures.activate(admin, approver, admin.post("/jbp/api/v1/plans",
                Fixtures.newPlan(partner, template, SyncFixtures.revenueSections(THIS_YEAR - 1, "100000"),
                        THIS_YEAR - 1)));

        assertEquals(2, count("select count(*) from business_plan where partner_account_id = '"
                + partner + "'"), "the plans are in the database behind jdbc/jbp");
        BigDecimal won = SyncFixtures.wonRevenue(org, partner, THIS_YEAR).setScale(2, RoundingMode.HALF_UP);
        assertEquals(0, won.compareTo(new BigDecimal("60000")), "the org holds the three won deals");
        await(() -> Optional.ofNullable(SyncFixtures.actuals(admin, current).get("revenue_won"))
                .filter(won::equals), 120, "a scheduled sync stores the plan's won revenue " + won);

        await(() -> Optional.of(org.query("SELECT Id FROM PartnerFundRequest WHERE JBP_External_Id__c LIKE 'jbp-mdf-"
                + current + "-%'").size()).filter(n -> n == 1), 90,
                "the outbox scheduler writes the approved campaign's fund request to Salesforce");

        await(() -> Optional.of(admin.get("/jbp/api/v1/plans/" + lastYear).json().getString("status"))
                .filter("CLOSED"::equals), 150, "the lifecycle timer closes the plan whose period has ended");

        assertEquals(404, Api.at(node.url()).anonymous().get("/jbp/api-docs").status(),
                "the browsable API page is off unless the admin turns it on");
        String executions = text("select table_schema || '.' || table_name from information_schema.tables "
                + "where table_name ilike 'jbatch%executioninstancedata' and table_name not ilike '%step%'");
        assertTrue(executions != null, "the batch runtime keeps its job repository in the module's PostgreSQL");
        assertTrue(count("select count(*) from " + executions) >= 2, "every scheduled run is an execution in "
                + executions + ", shared by all nodes and kept on restart");
    }

    @Test
    void aRunTheBatchRuntimeCannotStartIsAProblemAndStaysFailedNotRunning() throws Exception {
        TestEnvironment.freshDatabase();
        Map<String, String> environment = new HashMap<>(installedEnvironment());
        environment.put("JBP_SYNC_SCHEDULER_ENABLED", "false");
        // a job repository whose database does not answer: Payara checks only that the resource exists
        node = install("batch-misconfigured", environment, """
                create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
                --restype javax.sql.DataSource --property serverName=127.0.0.1:portNumber=1:databaseName=none:user=x:password=x \
                unreachable-pool
                create-jdbc-resource --connectionpoolid unreachable-pool jdbc/unreachable
                set-batch-runtime-configuration --datasourcelookupname jdbc/unreachable
                """);
        Api admin = Api.at(node.url()).as(Fixtures.adminToken());

        Api.Reply refused = admin.post("/jbp/api/v1/sync/runs", Json.createObjectBuilder().add("mode", "full").build());
        assertEquals(503, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.header("Content-Type"));
        JsonObject problem = refused.json();
        assertTrue(problem.getString("detail").startsWith("The batch runtime did not start the run"), problem.toString());
        assertEquals("FAILED", problem.getJsonObject("run").getString("status"), problem.toString());

        JsonObject recorded = admin.get("/jbp/api/v1/sync/runs").array().getJsonObject(0);
        assertEquals("FAILED", recorded.getString("status"), "no run is left RUNNING: " + recorded);
        Api.Reply again = admin.post("/jbp/api/v1/sync/runs", Json.createObjectBuilder().add("mode", "full").build());
        assertEquals(503, again.status(), "the next request is refused the same way, not with a 409 or a 500: "
                + again.body());
    }

    private static Map<String, String> installedEnvironment() {
        return Map.of("JBP_DB_HOST", "127.0.0.1", "JBP_DB_PORT", System.getProperty("jbp.test.db.port"),
                "JBP_DB_NAME", "postgres", "JBP_DB_USER", "postgres", "JBP_DB_PASSWORD", "postgres",
                "JBP_SYNC_INCREMENTAL_SCHEDULE", "PT15S");
    }

    /** The shipped post-boot commands, with {@code extraCommands} after them, as an admin would add their own. */
    private static SecondInstance install(String name, Map<String, String> environment, String extraCommands) {
        Path shipped = Path.of(System.getProperty("jbp.test.descriptors")).resolve("post-boot-commands.asadmin");
        Path postBoot = shipped;
        try {
            if (!extraCommands.isEmpty()) {
                postBoot = Path.of(System.getProperty("jbp.test.work", "target/it-work")).toAbsolutePath()
                        .resolve(name + "-post-boot.asadmin");
                Files.createDirectories(postBoot.getParent());
                Files.writeString(postBoot, Files.readString(shipped) + "\n" + extraCommands);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return SecondInstance.start(name, environment, List.of("--postbootcommandfile", postBoot.toString(),
                "--addlibs", SecondInstance.runtimeDirectory().resolve("postgresql.jar").toString()),
                TEST_ONLY_SETTINGS);
    }

    private static JsonObject awaitFirstScheduledRun(Api admin) {
        return await(() -> admin.get("/jbp/api/v1/sync/runs").array().getValuesAs(JsonObject.class)
                .stream().filter(r -> "scheduler".equals(r.getString("requestedBy")))
                .reduce((newer, older) -> older)
                .filter(r -> !"RUNNING".equals(r.getString("status"))), 120, "the first scheduled sync run ends");
    }

    private static <T> T await(Supplier<Optional<T>> probe, int seconds, String what) {
        long deadline = System.currentTimeMillis() + seconds * 1_000L;
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.currentTimeMillis() > deadline) {
                return fail("timed out after " + seconds + " s waiting until " + what);
            }
            SyncFixtures.sleep(250);
        }
    }

    private static String text(String sql) {
        try (Connection c = TestEnvironment.database().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long count(String sql) {
        return TestEnvironment.count(sql);
    }
}
