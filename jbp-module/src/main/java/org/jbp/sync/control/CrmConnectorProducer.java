package org.jbp.sync.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.jbp.crm.salesforce.SalesforceCrmConnector;
import org.jbp.crm.salesforce.SalesforceSettings;

/**
 * The one CRM connection of the application, built from MicroProfile Config on first use
 * ({@code jbp.salesforce.*}; the KPI mapping from {@code jbp.kpi.mapping-file} or the default descriptor).
 * Without Salesforce settings every call fails with a permanent "not configured" error instead of at deploy.
 */
@ApplicationScoped
public class CrmConnectorProducer {

    @Inject
    @ConfigProperty(name = "jbp.salesforce.login-url")
    Optional<String> loginUrl;
    @Inject
    @ConfigProperty(name = "jbp.salesforce.username")
    Optional<String> username;
    @Inject
    @ConfigProperty(name = "jbp.salesforce.password")
    Optional<String> password;
    @Inject
    @ConfigProperty(name = "jbp.salesforce.session-id")
    Optional<String> sessionId;
    @Inject
    @ConfigProperty(name = "jbp.salesforce.instance-url")
    Optional<String> instanceUrl;
    @Inject
    @ConfigProperty(name = "jbp.salesforce.connect-timeout", defaultValue = "PT10S")
    Duration connectTimeout;
    @Inject
    @ConfigProperty(name = "jbp.salesforce.read-timeout", defaultValue = "PT120S")
    Duration readTimeout;
    @Inject
    @ConfigProperty(name = "jbp.sync.chunk-size", defaultValue = "2000")
    int batchSize;
    @Inject
    @ConfigProperty(name = "jbp.kpi.mapping-file")
    Optional<String> mappingFile;

    private SalesforceCrmConnector connector;
    private KpiMapping mapping;

    @Produces
    @ApplicationScoped
    CrmConnector connector() {
        return new LazyConnector(this);
    }

    /** The KPI mapping in force, validated at first use with errors that name the line at fault. */
    public synchronized KpiMapping mapping() {
        if (mapping == null) {
            KpiMapping loaded = mappingFile.map(Path::of).map(KpiMappingLoader::load)
                    .orElseGet(KpiMappingLoader::loadDefault);
            mapping = PlanMappingCheck.check(loaded, mappingFile.orElse("the default KPI mapping"));
        }
        return mapping;
    }

    synchronized CrmConnector delegate() {
        if (connector == null) {
            connector = build();
        }
        return connector;
    }

    /**
     * A connector of its own for one sync job execution: the connector is not thread-safe, so a job never
     * shares it with the outbox delivery, and its call counter measures exactly that job. The caller closes it.
     */
    public CrmConnector openForJob() {
        return build();
    }

    private SalesforceCrmConnector build() {
        {
            SalesforceSettings.Builder settings = SalesforceSettings.builder()
                    .connectTimeout(connectTimeout).readTimeout(readTimeout).queryBatchSize(batchSize);
            loginUrl.ifPresent(settings::loginUrl);
            if (sessionId.isPresent() && instanceUrl.isPresent()) {
                settings.session(sessionId.get(), instanceUrl.get());
            } else if (username.isPresent() && password.isPresent()) {
                settings.credentials(username.get(), password.get());
            } else {
                throw new CrmException(CrmException.Kind.PERMANENT, "NOT_CONFIGURED",
                        "Salesforce is not configured: set jbp.salesforce.username and jbp.salesforce.password "
                                + "(or session-id and instance-url)", null);
            }
            return new SalesforceCrmConnector(settings.build(), mapping());
        }
    }

    @PreDestroy
    synchronized void close() {
        if (connector != null) {
            connector.close();
        }
    }
}
