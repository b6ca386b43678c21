package org.jbp.canvas.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The canvas keys an admin sets (see descriptors/payara/microprofile-config.properties.example). */
@ApplicationScoped
public class CanvasSettings {

    /** My Domain, Lightning, Visualforce and Experience Cloud hosts, over HTTPS, with an optional path. */
    static final String DEFAULT_INSTANCE_URL_PATTERN =
            "https://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.(salesforce|force|salesforce-setup|site|salesforce-sites)\\.com"
            + "(:443)?(/[A-Za-z0-9._~-]+)*/?";
    static final String DEFAULT_FRAME_ANCESTORS =
            "https://*.salesforce.com https://*.force.com https://*.visualforce.com https://*.my.site.com";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    @Inject
    @ConfigProperty(name = "jbp.canvas.consumer-secret")
    Optional<String> consumerSecret;

    @Inject
    @ConfigProperty(name = "jbp.canvas.organization-id")
    Optional<String> organizationId;

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
    @ConfigProperty(name = "jbp.canvas.instance-url-pattern", defaultValue = DEFAULT_INSTANCE_URL_PATTERN)
    String instanceUrlPattern;

    /**
     * Who may frame the tab (CSP frame-ancestors). Covers My Domain ({@code *.my.salesforce.com}), Lightning
     * and Visualforce ({@code *.force.com}, {@code *.visualforce.com}) and Experience Cloud sites
     * ({@code *.my.site.com}); custom domains come from {@code jbp.canvas.custom-domains}.
     */
    @Inject
    @ConfigProperty(name = "jbp.canvas.frame-ancestors", defaultValue = DEFAULT_FRAME_ANCESTORS)
    String frameAncestors;

    /**
     * Host names of custom domains a site (or the org) is served on, e.g. {@code partners.example.com}: each
     * may frame the tab and may appear as the instance or site URL of a signed request.
     */
    @Inject
    @ConfigProperty(name = "jbp.canvas.custom-domains")
    Optional<String> customDomains;

    /**
     * How long a positive live check of a user's OAuth token is reused for that token. Short, so a token
     * Salesforce revokes stops opening the tab within this time; non-zero, so a reload does not cost a call.
     */
    @Inject
    @ConfigProperty(name = "jbp.canvas.token-check-ttl", defaultValue = "PT60S")
    String tokenCheckTtl;

    /** The Canvas SDK version the tab loads from the org ({@code /canvas/sdk/js/<version>/canvas-all.js}). */
    @Inject
    @ConfigProperty(name = "jbp.canvas.sdk-version", defaultValue = "64.0")
    String sdkVersion;

    @Inject
    @ConfigProperty(name = "jbp.canvas.salesforce-timeout", defaultValue = "PT10S")
    String salesforceTimeout;

    public String consumerSecret() {
        return consumerSecret.orElse("");
    }

    public String organizationId() {
        return organizationId.orElse("");
    }

    public String roleMapping() {
        return roleMapping.orElse("");
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /**
     * Whether the module may send a user's token to this URL (instance URL) or trust it as the site the user
     * came from (site URL): the configured pattern, or https on one of the custom domains.
     */
    public boolean allowsSalesforceUrl(String url) {
        if (url == null) {
            return false;
        }
        if (Pattern.compile(instanceUrlPattern).matcher(url).matches()) {
            return true;
        }
        for (String host : customDomains()) {
            if (Pattern.compile("https://" + Pattern.quote(host) + "(:443)?(/[A-Za-z0-9._~-]+)*/?",
                    Pattern.CASE_INSENSITIVE).matcher(url).matches()) {
                return true;
            }
        }
        return false;
    }

    /** frame-ancestors sources: the configured list plus every custom domain. */
    public String frameAncestors() {
        StringBuilder b = new StringBuilder(frameAncestors.trim());
        for (String host : customDomains()) {
            b.append(" https://").append(host);
        }
        return b.toString();
    }

    /** Custom domain host names; anything that is not a plain host name fails loudly instead of widening CSP. */
    public List<String> customDomains() {
        List<String> hosts = new ArrayList<>();
        for (String h : customDomains.orElse("").split(",")) {
            String host = h.trim();
            if (host.isEmpty()) {
                continue;
            }
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("jbp.canvas.custom-domains: '" + host
                        + "' is not a host name (no scheme, port, path or wildcard)");
            }
            hosts.add(host);
        }
        return hosts;
    }

    public Duration tokenCheckTtl() {
        return Duration.parse(tokenCheckTtl);
    }

    public String sdkVersion() {
        return sdkVersion;
    }

    public Duration salesforceTimeout() {
        return Duration.parse(salesforceTimeout);
    }
}
