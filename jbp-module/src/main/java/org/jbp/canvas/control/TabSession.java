package org.jbp.canvas.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import org.jbp.canvas.entity.TabIdentity;
import org.jbp.security.TabTokens;

/** Starts a tab: the token and what the page needs to know before its first API call. */
@ApplicationScoped
public class TabSession {

    @Inject
    TabTokens tokens;

    @Inject
    CanvasSettings settings;

    @Inject
    Clock clock;

    public JsonObject start(TabIdentity identity, boolean demo) {
        Instant sessionEnd = clock.instant().plus(settings.sessionMaxAge());
        String token = tokens.issue(identity.userId(), identity.name(), identity.groups(),
                identity.partnerAccountId(), sessionEnd);
        JsonArrayBuilder groups = Json.createArrayBuilder();
        identity.groups().forEach(groups::add);
        JsonObjectBuilder user = Json.createObjectBuilder().add("id", identity.userId())
                .add("name", identity.name() == null ? identity.userId() : identity.name()).add("groups", groups);
        if (identity.partnerAccountId() != null) {
            user.add("partnerAccountId", identity.partnerAccountId());
        }
        JsonObjectBuilder boot = Json.createObjectBuilder()
                .add("token", token)
                .add("refreshInSeconds", Math.max(30, tokens.lifetime().toSeconds() - 60))
                .add("user", user)
                .add("view", identity.view())
                .add("demo", demo);
        if (identity.accountInContext() != null) {
            boot.add("accountId", identity.accountInContext());
        }
        return boot.build();
    }
}
