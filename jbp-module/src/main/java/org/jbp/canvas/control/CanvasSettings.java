package org.jbp.canvas.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The canvas keys an admin sets (see descriptors/payara/microprofile-config.properties.example). */
@ApplicationScoped
public class CanvasSettings {

    @Inject
    @ConfigProperty(name = "jbp.canvas.consumer-secret")
    Optional<String> consumerSecret;

    @Inject
    @ConfigProperty(name = "jbp.canvas.organization-id")
    Optional<String> organizationId;

    /** Seconds, as the example file documents. */
    @Inject
    @ConfigProperty(name = "jbp.canvas.issued-at-window", defaultValue = "300")
    long issuedAtWindowSeconds;

    @Inject
    @ConfigProperty(name = "jbp.canvas.role-mapping")
    Optional<String> roleMapping;

    /** Largest form body accepted; Salesforce's signed requests are a few KB. */
    @Inject
    @ConfigProperty(name = "jbp.canvas.max-request-bytes", defaultValue = "65536")
    int maxRequestBytes;

    /**
     * Which instance URLs the module will call with a user's token. The URL is signed by Salesforce, so this
     * is defence in depth against a leaked secret turning the server into a proxy.
     */
    @Inject
    @ConfigProperty(name = "jbp.canvas.instance-url-pattern",
            defaultValue = "https://[A-Za-z0-9.-]+\\.(salesforce|force|salesforce-setup|site)\\.com(:443)?/?")
    String instanceUrlPattern;

    /** Who may frame the tab (CSP frame-ancestors). */
    @Inject
    @ConfigProperty(name = "jbp.canvas.frame-ancestors",
            defaultValue = "https://*.salesforce.com https://*.force.com https://*.visualforce.com")
    String frameAncestors;

    /** How long a tab may renew its token without Salesforce signing a new request. */
    @Inject
    @ConfigProperty(name = "jbp.canvas.session-max-age", defaultValue = "PT8H")
    String sessionMaxAge;

    @Inject
    @ConfigProperty(name = "jbp.canvas.salesforce-timeout", defaultValue = "PT10S")
    String salesforceTimeout;

    public String consumerSecret() {
        return consumerSecret.orElse("");
    }

    public String organizationId() {
        return organizationId.orElse("");
    }

    public Duration issuedAtWindow() {
        return Duration.ofSeconds(issuedAtWindowSeconds);
    }

    public String roleMapping() {
        return roleMapping.orElse("");
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    public Pattern instanceUrlPattern() {
        return Pattern.compile(instanceUrlPattern);
    }

    public String frameAncestors() {
        return frameAncestors;
    }

    public Duration sessionMaxAge() {
        return Duration.parse(sessionMaxAge);
    }

    public Duration salesforceTimeout() {
        return Duration.parse(salesforceTimeout);
    }
}
