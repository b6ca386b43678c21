package org.jbp.crm.salesforce;

import java.util.Optional;
import java.util.function.Function;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
import org.jbp.crm.CrmProvider;
import org.jbp.crm.mapping.KpiMapping;

/**
 * Salesforce as the WAR's CRM, found through {@link java.util.ServiceLoader}. Reads {@code jbp.salesforce.login-url}
 * and either {@code jbp.salesforce.username} with {@code password} or {@code session-id} with {@code instance-url}.
 */
public final class SalesforceCrmProvider implements CrmProvider {

    public static final String NAME = "salesforce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CrmConnector open(Function<String, Optional<String>> config, Options options, KpiMapping mapping) {
        SalesforceSettings.Builder settings = SalesforceSettings.builder()
                .connectTimeout(options.connectTimeout()).readTimeout(options.readTimeout())
                .queryBatchSize(options.queryBatchSize());
        config.apply("jbp.salesforce.login-url").ifPresent(settings::loginUrl);
        Optional<String> sessionId = config.apply("jbp.salesforce.session-id");
        Optional<String> instanceUrl = config.apply("jbp.salesforce.instance-url");
        Optional<String> username = config.apply("jbp.salesforce.username");
        Optional<String> password = config.apply("jbp.salesforce.password");
        if (sessionId.isPresent() && instanceUrl.isPresent()) {
            settings.session(sessionId.get(), instanceUrl.get());
        } else if (username.isPresent() && password.isPresent()) {
            settings.credentials(username.get(), password.get());
        } else {
            throw new CrmException(CrmException.Kind.PERMANENT, "NOT_CONFIGURED",
                    "Salesforce is not configured: set jbp.salesforce.username and jbp.salesforce.password "
                            + "(or session-id and instance-url)", null);
        }
        return new SalesforceCrmConnector(settings.build(), mapping);
    }
}
