package org.jbp.it.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jbp.it.Api;
import org.jbp.it.Fixtures;
import org.jbp.it.TestEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The WAR installed the way an operator who manages pools in Payara does it: no jbp.db.url anywhere, the
 * post-boot commands from descriptors/payara create the pool and the resource jdbc/jbp from JBP_DB_HOST etc.,
 * the driver is added with --addlibs. Schema migration, the readiness check and the plans all use that resource.
 */
class ServerManagedPoolIT {

    private SecondInstance node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void moduleRunsOnTheJdbcResourceTheAdminDefined() throws SQLException {
        int dbPort = Integer.parseInt(System.getProperty("jbp.test.db.port"));
        TestEnvironment.database();
        Path postBoot = Path.of(System.getProperty("jbp.test.descriptors")).resolve("post-boot-commands.asadmin");
        node = SecondInstance.start("server-managed-pool",
                Map.of("JBP_DB_HOST", "127.0.0.1", "JBP_DB_PORT", String.valueOf(dbPort),
                        "JBP_DB_NAME", "postgres", "JBP_DB_USER", "postgres", "JBP_DB_PASSWORD", "postgres"),
                List.of("--postbootcommandfile", postBoot.toString(),
                        "--addlibs", SecondInstance.runtimeDirectory().resolve("postgresql.jar").toString()),
                Set.of("JBP_DB_URL"));

        Api anonymous = Api.at(node.url()).anonymous();
        Api.Reply ready = anonymous.get("/jbp/health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonObject database = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("jdbc/jbp", database.getJsonObject("data").getString("dataSource"), ready.body());

        Api admin = Api.at(node.url()).as(Fixtures.adminToken());
        String name = "Pool check " + System.nanoTime();
        Api.Reply created = admin.post("/jbp/api/v1/templates", Fixtures.lightTemplate(name).build());
        assertEquals(201, created.status(), created.body());
        assertEquals(200, admin.get("/jbp/api/v1/templates/" + created.json().getString("id")).status());
        try (Connection c = TestEnvironment.database().getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from template_version where name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1), "the template is in the database behind jdbc/jbp");
            }
        }
    }
}
