package org.jbp.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Names the server's JSON-P provider once, through the {@code jakarta.json.provider} system property that
 * {@code JsonProvider.provider()} reads first. Without it every JWT check on every request looks the provider up
 * with a ServiceLoader scan over the application's jars: a sixth of a plan read's CPU in the benchmark.
 * Left alone when an admin has set the property.
 */
@Startup
@Singleton
public class JsonProviderPin {

    private static final Logger LOG = Logger.getLogger(JsonProviderPin.class.getName());
    static final String PROPERTY = "jakarta.json.provider";
    static final String PARSSON = "org.eclipse.parsson.JsonProviderImpl";

    @PostConstruct
    void pin() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(PARSSON, false, jakarta.json.spi.JsonProvider.class.getClassLoader());
            System.setProperty(PROPERTY, PARSSON);
            LOG.info(() -> PROPERTY + " set to " + PARSSON);
        } catch (ClassNotFoundException e) {
            LOG.fine(() -> "no Parsson on this server; JSON-P provider left to lookup");
        }
    }
}
