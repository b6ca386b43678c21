package org.jbp.canvas.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jbp.platform.ProblemException;
import org.jbp.security.Roles;
import org.jbp.security.TabTokens;

/**
 * Renews a tab token before it expires. Only tokens the module issued (claim {@code jbp_tab}) are renewed,
 * never beyond their session's end; the identity provider's tokens are that provider's business.
 */
@Path("canvas/session")
@RequestScoped
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class TabSessionResource {

    @Inject
    JsonWebToken token;

    @Inject
    TabTokens tokens;

    @Inject
    Clock clock;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject renew() {
        Object tab = token.getClaim(TabTokens.TAB_CLAIM);
        Object end = token.getClaim(TabTokens.SESSION_END_CLAIM);
        if (!(Boolean.TRUE.equals(tab) || tab == jakarta.json.JsonValue.TRUE) || end == null) {
            throw ProblemException.forbidden("Only tab tokens are renewed here");
        }
        Instant sessionEnd = Instant.ofEpochSecond(end instanceof JsonNumber n ? n.longValue()
                : ((Number) end).longValue());
        if (!sessionEnd.isAfter(clock.instant())) {
            throw ProblemException.forbidden("The tab session has ended; reopen the tab");
        }
        Object account = token.getClaim("partnerAccountId");
        String partner = account instanceof JsonString s ? s.getString() : account == null ? null : account.toString();
        List<String> groups = new ArrayList<>(token.getGroups());
        String renewed = tokens.issue(token.getSubject(), token.getClaim("name"), groups, partner, sessionEnd);
        return Json.createObjectBuilder().add("token", renewed)
                .add("refreshInSeconds", Math.max(30, tokens.lifetime().toSeconds() - 60)).build();
    }

}
