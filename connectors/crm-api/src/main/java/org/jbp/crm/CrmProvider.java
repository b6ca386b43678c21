package org.jbp.crm;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jbp.crm.mapping.KpiMapping;

/**
 * A CRM implementation, found at run time with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.jbp.crm.CrmProvider} entry in the implementation's jar), so the WAR compiles against
 * crm-api alone and a second CRM is one more jar on its class path.
 */
public interface CrmProvider {

    /** The name the WAR selects the provider by ({@code jbp.crm.provider}), e.g. {@code salesforce}. */
    String name();

    /**
     * A new connector; the caller closes it.
     *
     * @param config the provider's own settings by key (its credentials and endpoints), as the WAR's configuration
     *               resolves them; empty when a key is not set
     * @param options what every connector is given: timeouts and the query batch size
     * @param mapping the KPI mapping the facts are read by
     * @throws CrmException permanent, code {@code NOT_CONFIGURED}, when the settings do not allow a connection
     */
    CrmConnector open(Function<String, Optional<String>> config, Options options, KpiMapping mapping);

    /** Connection options the WAR reads from its own configuration. */
    record Options(Duration connectTimeout, Duration readTimeout, int queryBatchSize) {
    }
}
