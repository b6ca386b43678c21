package org.jbp.crm.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
import org.jbp.crm.CrmProvider;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.junit.jupiter.api.Test;

/** The WAR finds Salesforce as a crm-api provider, by name, without compiling against this module. */
class SalesforceCrmProviderTest {

    static final CrmProvider.Options OPTIONS = new CrmProvider.Options(Duration.ofSeconds(10), Duration.ofSeconds(120),
            2000);

    @Test
    void theServiceLoaderFindsSalesforceByName() {
        List<CrmProvider> found = ServiceLoader.load(CrmProvider.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        assertEquals(List.of("salesforce"), found.stream().map(CrmProvider::name).toList());
        assertInstanceOf(SalesforceCrmProvider.class, found.get(0));
    }

    @Test
    void withoutCredentialsOrASessionTheProviderRefusesWithNotConfigured() {
        Map<String, String> settings = Map.of("jbp.salesforce.username", "integration@example.com");
        CrmException refused = assertThrows(CrmException.class, () -> new SalesforceCrmProvider()
                .open(key -> Optional.ofNullable(settings.get(key)), OPTIONS, KpiMappingLoader.loadDefault()));
        assertEquals("NOT_CONFIGURED", refused.error().statusCode());
        assertEquals(CrmException.Kind.PERMANENT, refused.kind());
    }

    @Test
    void aSessionIdWithItsInstanceIsEnoughToOpenAConnectorWithoutLoggingIn() {
        Map<String, String> settings = Map.of("jbp.salesforce.session-id", "00D-session",
                "jbp.salesforce.instance-url", "http://127.0.0.1:1");
        try (CrmConnector crm = new SalesforceCrmProvider().open(key -> Optional.ofNullable(settings.get(key)),
                OPTIONS, KpiMappingLoader.loadDefault())) {
            assertInstanceOf(SalesforceCrmConnector.class, crm);
        }
    }
}
