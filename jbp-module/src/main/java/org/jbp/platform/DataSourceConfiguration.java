package org.jbp.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's own connection pool, filled from MicroProfile Config
 * ({@code jbp.db.url}, {@code jbp.db.user}, {@code jbp.db.password}, or the environment
 * variables {@code JBP_DB_URL} etc.). Payara resolves {@code ${MPCONFIG=...}} when it creates the pool,
 * which is before the application's own config files are read: set these on the server or in the environment.
 */
@Singleton
@DataSourceDefinition(
        name = DataSourceConfiguration.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=jbp.db.url}",
        user = "${MPCONFIG=jbp.db.user}",
        password = "${MPCONFIG=jbp.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // stringtype=unspecified lets PostgreSQL type untyped parameters itself (a null bound for a uuid column)
        properties = {"stringtype=unspecified",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"})
public class DataSourceConfiguration {
    public static final String JNDI_NAME = "java:app/jdbc/jbp";
}
