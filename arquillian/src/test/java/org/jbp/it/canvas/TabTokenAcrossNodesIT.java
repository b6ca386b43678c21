package org.jbp.it.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jbp.it.Api;
import org.jbp.it.TestEnvironment;
import org.jbp.it.nodes.SecondInstance;
import org.junit.jupiter.api.Test;

/**
 * Behind a load balancer a tab's requests land on any node: with the signing key file every node is given
 * (JBP_TAB_SIGNING_KEY_FILE), a token one node issued is accepted, and renewed, by another.
 */
class TabTokenAcrossNodesIT extends WithCanvasOrg {

    @Test
    void tokenIssuedByOneNodeIsTrustedAndRenewedByTheOther() throws Exception {
        Api first = Api.at(deployed);
        HttpResponse<String> page = CanvasIT.postCanvas(first.base(),
                org.signedRequest(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme));
        assertEquals(200, page.statusCode(), page.body());
        String token = CanvasIT.boot(page.body()).getString("token");

        try (SecondInstance second = SecondInstance.start("tab-token-node", Map.of())) {
            Api other = Api.at(second.url());
            Api.Reply partners = other.as(token).get("/jbp/api/v1/partners");
            assertEquals(200, partners.status(), "the other node trusts the first one's tab token: " + partners.body());
            // renewed against the fresh signed request the tab's Canvas SDK asks Salesforce for
            Api.Reply renewed = other.as(token).post("/jbp/api/v1/canvas/session", Json.createObjectBuilder()
                    .add("signedRequest", org.signedRequest(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme))
                    .build());
            assertEquals(200, renewed.status(), renewed.body());
            String fresh = renewed.json().getString("token");
            assertNotEquals(token, fresh);
            assertEquals(200, first.as(fresh).get("/jbp/api/v1/partners").status(), "and the first trusts the renewal");
            String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
            assertEquals(401, other.as(forged).get("/jbp/api/v1/partners").status());
        }
    }
}
