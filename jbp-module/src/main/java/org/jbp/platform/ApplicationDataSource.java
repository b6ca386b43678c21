package org.jbp.platform;

import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which connection pool the module uses. With {@code jbp.db.url} set, its own pool ({@link DataSourceConfiguration});
 * without it, the server-managed resource an admin defined, {@code jbp.db.jndi-name} (default {@code jdbc/jbp}),
 * so operators who run their pools in Payara (monitoring, resizing without a redeploy) keep doing so.
 * Flyway, the readiness check and the persistence unit ({@link PersistenceDataSource}) all ask here.
 */
public final class ApplicationDataSource {

    public static final String DEFAULT_SERVER_RESOURCE = "jdbc/jbp";

    private ApplicationDataSource() {
    }

    /** The JNDI name in use, decided by configuration alone. */
    public static String jndiName() {
        return jndiName(ConfigProvider.getConfig());
    }

    static String jndiName(Config config) {
        Optional<String> url = config.getOptionalValue("jbp.db.url", String.class).filter(u -> !u.isBlank());
        if (url.isPresent()) {
            return DataSourceConfiguration.JNDI_NAME;
        }
        return config.getOptionalValue("jbp.db.jndi-name", String.class).filter(n -> !n.isBlank())
                .orElse(DEFAULT_SERVER_RESOURCE);
    }

    public static DataSource lookup() {
        String name = jndiName();
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("No database: set jbp.db.url (with jbp.db.user, jbp.db.password), or "
                    + "define the JDBC resource " + name + " in the server (descriptors/payara)", e);
        }
    }
}
