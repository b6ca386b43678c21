package org.jbp.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means the database answers and carries our schema. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection c = ApplicationDataSource.lookup().getConnection();
             Statement s = c.createStatement();
             // the latest applied migration: versions are text, so max() would rank "9" above "11"
             ResultSet rs = s.executeQuery("select version from flyway_schema_history where success "
                     + "and version is not null order by installed_rank desc limit 1")) {
            rs.next();
            return response.up()
                    .withData("dataSource", ApplicationDataSource.jndiName())
                    .withData("product", c.getMetaData().getDatabaseProductName() + " "
                            + c.getMetaData().getDatabaseProductVersion())
                    .withData("schemaVersion", String.valueOf(rs.getString(1)))
                    .build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("dataSource", ApplicationDataSource.jndiName()).withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
