package org.jbp.platform;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Points the persistence unit at the pool {@link ApplicationDataSource} chose. persistence.xml can only name one
 * data source, fixed at build time; EclipseLink lets a session customizer replace it before the first login.
 */
public class PersistenceDataSource implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(PersistenceDataSource.class.getName());

    @Override
    public void customize(Session session) {
        String name = ApplicationDataSource.jndiName();
        if (DataSourceConfiguration.JNDI_NAME.equals(name)) {
            return;
        }
        DataSource dataSource = ApplicationDataSource.lookup();
        ((DatabaseLogin) session.getDatasourceLogin()).setConnector(new JNDIConnector(dataSource));
        if (session instanceof ServerSession server) {
            // reads outside a transaction use the read pool, which otherwise keeps the build-time data source
            ConnectionPool read = server.getReadConnectionPool();
            if (read.getLogin() instanceof DatabaseLogin login) {
                login.setConnector(new JNDIConnector(dataSource));
            }
        }
        LOG.info(() -> "persistence unit uses the server-managed data source " + name);
    }
}
