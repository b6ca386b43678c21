package org.jbp.canvas.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jbp.canvas.control.CanvasEntry;
import org.jbp.canvas.control.CanvasRejected;
import org.jbp.canvas.control.TabSession;
import org.jbp.canvas.entity.CanvasRequest;
import org.jbp.canvas.entity.TabIdentity;
import org.jbp.platform.ProblemException;
import org.jbp.security.Roles;
import org.jbp.security.TabTokens;

/**
 * Renews a tab token before it expires, against a signed request Salesforce has just issued: the page asks
 * the Canvas SDK's {@code Sfdc.canvas.client.refreshSignedRequest} for one and posts it here as
 * {@code {"signedRequest": "..."}}. It is verified like the first one (MAC, algorithm, organization, live check
 * of its OAuth token) and must name the user the current token belongs to; roles and partner account are read
 * again, so a change in Salesforce reaches an open tab at its next renewal. Once the user's Salesforce session
 * has ended the renewal is refused and the tab asks to be reopened. Only the demo login's tokens
 * ({@code jbp_demo}, with {@code jbp.demo.enabled}) renew without a signed request; the identity provider's
 * tokens are that provider's business.
 */
@Path("canvas/session")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class TabSessionResource {

    private static final Logger LOG = Logger.getLogger(TabSessionResource.class.getName());

    @Inject
    JsonWebToken token;

    @Inject
    CanvasEntry entry;

    @Inject
    TabSession sessions;

    @Inject
    @ConfigProperty(name = "jbp.demo.enabled", defaultValue = "false")
    boolean demoEnabled;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject renew(JsonObject body) {
        if (!isTrue(token.getClaim(TabTokens.TAB_CLAIM))) {
            throw ProblemException.forbidden("Only tab tokens are renewed here");
        }
        JsonValue signed = body == null ? null : body.get("signedRequest");
        if (signed == null || signed == JsonValue.NULL) {
            if (demoEnabled && isTrue(token.getClaim(TabTokens.DEMO_CLAIM))) {
                return sessions.renew(token.getSubject(), token.getClaim("name"), List.copyOf(token.getGroups()),
                        partnerAccount(), true);
            }
            throw ProblemException.invalid("signedRequest",
                    "a fresh signed request from Sfdc.canvas.client.refreshSignedRequest is required");
        }
        if (!(signed instanceof JsonString text)) {
            throw ProblemException.malformed("signedRequest", "must be a string");
        }
        TabIdentity identity;
        try {
            CanvasRequest request = entry.verify(text.getString());
            identity = entry.identify(request);
        } catch (CanvasRejected e) {
            LOG.info(() -> "tab renewal refused (401): " + e.getMessage());
            throw new ProblemException(401, "canvas-session-ended", "Your Salesforce session has ended",
                    "Reopen the tab in Salesforce to continue.", List.of(), Map.of());
        } catch (CanvasEntry.NoAccess e) {
            LOG.info(() -> "tab renewal refused (403): " + e.getMessage());
            throw ProblemException.forbidden("Your Salesforce user no longer has access to this tab");
        } catch (CanvasEntry.Unavailable e) {
            throw new ProblemException(503, "salesforce-unavailable", "Salesforce could not be reached",
                    "The session could not be renewed now; it is tried again shortly.", List.of(), Map.of());
        }
        if (!identity.userId().equals(token.getSubject())) {
            LOG.warning(() -> "tab renewal for " + token.getSubject() + " presented a signed request of "
                    + identity.userId());
            throw ProblemException.forbidden("The signed request belongs to another user");
        }
        return sessions.renew(identity.userId(), identity.name(), identity.groups(), identity.partnerAccountId(),
                false);
    }

    private String partnerAccount() {
        Object account = token.getClaim("partnerAccountId");
        return account instanceof JsonString s ? s.getString() : account == null ? null : account.toString();
    }

    private static boolean isTrue(Object claim) {
        return Boolean.TRUE.equals(claim) || claim == JsonValue.TRUE;
    }
}
