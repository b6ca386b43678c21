package org.jbp.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Warns when the server was started without {@code -Djakarta.json.provider}. The JSON-P API reads that property
 * once, when it is first used during the server's boot, and otherwise looks the provider up with a ServiceLoader
 * scan over every jar for each {@code Json.createReader}: Payara's JWT check does that several times per request,
 * a seventh of a plan read's CPU in the benchmark. Setting the property from here would be too late, so the
 * admin is told how (descriptors/payara/INSTALL.md).
 */
@Startup
@Singleton
public class JsonProviderCheck {

    private static final Logger LOG = Logger.getLogger(JsonProviderCheck.class.getName());
    static final String PROPERTY = "jakarta.json.provider";

    @PostConstruct
    void check() {
        if (System.getProperty(PROPERTY) == null) {
            LOG.warning(() -> "JVM started without -D" + PROPERTY + "=org.eclipse.parsson.JsonProviderImpl: every "
                    + "API request pays for a class-path scan; add the option to the server's JVM (see INSTALL.md)");
        }
    }
}
