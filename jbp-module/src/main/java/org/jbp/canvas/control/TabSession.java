package org.jbp.canvas.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jbp.canvas.entity.TabIdentity;
import org.jbp.security.TabTokens;

/** Starts and renews a tab: the token and what the page needs to know before its first API call. */
@ApplicationScoped
public class TabSession {

    @Inject
    TabTokens tokens;

    /**
     * The boot data of a tab. {@code sdkUrl} is where the page loads the Canvas SDK to ask Salesforce for a
     * fresh signed request before its token expires; null for the demo login, whose tokens renew without one.
     */
    public JsonObject start(TabIdentity identity, String sdkUrl) {
        boolean demo = sdkUrl == null;
        String token = tokens.issue(identity.userId(), identity.name(), identity.groups(),
                identity.partnerAccountId(), demo);
        JsonArrayBuilder groups = Json.createArrayBuilder();
        identity.groups().forEach(groups::add);
        JsonObjectBuilder user = Json.createObjectBuilder().add("id", identity.userId())
                .add("name", identity.name() == null ? identity.userId() : identity.name()).add("groups", groups);
        if (identity.partnerAccountId() != null) {
            user.add("partnerAccountId", identity.partnerAccountId());
        }
        JsonObjectBuilder boot = Json.createObjectBuilder()
                .add("token", token)
                .add("refreshInSeconds", refreshInSeconds())
                .add("user", user)
                .add("view", identity.view())
                .add("demo", demo);
        if (sdkUrl != null) {
            boot.add("sdkUrl", sdkUrl);
        }
        if (identity.siteUrl() != null) {
            boot.add("siteUrl", identity.siteUrl());
        }
        if (identity.accountInContext() != null) {
            boot.add("accountId", identity.accountInContext());
        }
        return boot.build();
    }

    /** A fresh token for an identity just re-established from a signed request (or a demo token's). */
    public JsonObject renew(String userId, String name, java.util.Collection<String> groups, String partnerAccountId,
            boolean demo) {
        return Json.createObjectBuilder()
                .add("token", tokens.issue(userId, name, groups, partnerAccountId, demo))
                .add("refreshInSeconds", refreshInSeconds()).build();
    }

    /** A minute before expiry, so a slow Salesforce answer to refreshSignedRequest still lands in time. */
    private long refreshInSeconds() {
        return Math.max(30, tokens.lifetime().toSeconds() - 60);
    }
}
