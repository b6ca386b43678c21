package org.jbp.sync.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.jbp.crm.CrmProvider;

/**
 * The one CRM connection of the application, built on first use by the {@link CrmProvider} named in
 * {@code jbp.crm.provider} (default {@code salesforce}), found with {@link ServiceLoader} among the jars of the WAR:
 * the module compiles against crm-api only. The provider reads its own keys ({@code jbp.salesforce.*}) from
 * MicroProfile Config; the KPI mapping comes from {@code jbp.kpi.mapping-file} or the default descriptor.
 * Without the CRM's settings every call fails with a permanent "not configured" error instead of at deploy.
 */
@ApplicationScoped
public class CrmConnectorProducer {

    @Inject
    Config config;
    @Inject
    @ConfigProperty(name = "jbp.crm.provider", defaultValue = "salesforce")
    String providerName;
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

    private CrmConnector connector;
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

    private CrmConnector build() {
        return provider().open(key -> config.getOptionalValue(key, String.class),
                new CrmProvider.Options(connectTimeout, readTimeout, batchSize), mapping());
    }

    private CrmProvider provider() {
        List<CrmProvider> found = ServiceLoader.load(CrmProvider.class, CrmConnectorProducer.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList();
        return found.stream().filter(p -> p.name().equals(providerName)).findFirst()
                .orElseThrow(() -> new CrmException(CrmException.Kind.PERMANENT, "NOT_CONFIGURED",
                        "No CRM provider named '" + providerName + "' (jbp.crm.provider) is installed; found "
                                + found.stream().map(CrmProvider::name).toList(), null));
    }

    @PreDestroy
    synchronized void close() {
        if (connector != null) {
            connector.close();
        }
    }
}
