package org.jbp.canvas.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which hosts may frame the tab and receive a user's token: Salesforce's domains, sites, custom domains. */
class CanvasSettingsTest {

    static CanvasSettings settings(String customDomains) {
        CanvasSettings s = new CanvasSettings();
        s.instanceUrlPattern = CanvasSettings.DEFAULT_INSTANCE_URL_PATTERN;
        s.frameAncestors = CanvasSettings.DEFAULT_FRAME_ANCESTORS;
        s.customDomains = Optional.ofNullable(customDomains);
        return s;
    }

    @Test
    void salesforceAndExperienceCloudDomainsAreAllowedByDefault() {
        CanvasSettings s = settings(null);
        for (String url : new String[] {"https://acme.my.salesforce.com", "https://acme.my.salesforce.com/",
                "https://acme.lightning.force.com", "https://acme--uat.sandbox.my.salesforce.com",
                "https://acme.my.site.com/", "https://acme.my.site.com/partners", "https://acme.my.salesforce-sites.com"}) {
            assertTrue(s.allowsSalesforceUrl(url), url);
        }
        assertTrue(s.frameAncestors().contains("https://*.my.site.com"), s.frameAncestors());
    }

    @Test
    void otherHostsAndPlainHttpAreRefused() {
        CanvasSettings s = settings(null);
        for (String url : new String[] {"http://acme.my.salesforce.com", "https://my.site.com.attacker.example",
                "https://attacker.example/acme.my.site.com", "https://acme.my.site.com@attacker.example",
                "https://partners.example.com", null}) {
            assertFalse(s.allowsSalesforceUrl(url), String.valueOf(url));
        }
    }

    @Test
    void customDomainsFrameTheTabAndAreAcceptedAsSiteUrls() {
        CanvasSettings s = settings(" partners.example.com , portal.example.org");
        assertTrue(s.allowsSalesforceUrl("https://partners.example.com/"));
        assertTrue(s.allowsSalesforceUrl("https://portal.example.org/partners"));
        assertFalse(s.allowsSalesforceUrl("https://evil.partners.example.com.attacker.example/"));
        assertFalse(s.allowsSalesforceUrl("http://partners.example.com/"), "https only");
        assertEquals(CanvasSettings.DEFAULT_FRAME_ANCESTORS + " https://partners.example.com https://portal.example.org",
                s.frameAncestors());
    }

    @Test
    void aCustomDomainThatIsNotAHostNameFailsInsteadOfWideningTheFramePolicy() {
        for (String bad : new String[] {"*.example.com", "https://partners.example.com", "partners.example.com/x",
                "example.com 'unsafe-inline'"}) {
            assertThrows(IllegalArgumentException.class, () -> settings(bad).frameAncestors(), bad);
        }
    }
}
