package org.jbp.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jbp.kernel.PartnerAccountId;

/**
 * Who is calling: {@code sub} is the Salesforce user id, groups are the roles, and partner users
 * carry the {@code partnerAccountId} claim that scopes everything they may see.
 */
@RequestScoped
public class CurrentUser {

    static final String PARTNER_ACCOUNT_CLAIM = "partnerAccountId";

    @Inject
    JsonWebToken token;

    /** Read once per request: the token proxy rebuilds the group set on every call, and access checks ask often. */
    private Set<String> roles;

    public String id() {
        return token.getSubject();
    }

    public String displayName() {
        String name = token.getClaim("name");
        return name != null ? name : id();
    }

    /** A string claim of the caller's token ({@code name}, {@code email} ...), empty when absent. */
    public Optional<String> claim(String claimName) {
        Object claim = token.getClaim(claimName);
        if (claim == null) {
            return Optional.empty();
        }
        return Optional.of(claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString());
    }

    public Set<String> roles() {
        if (roles == null) {
            Set<String> groups = token.getGroups();
            roles = groups == null ? Set.of() : Set.copyOf(groups);
        }
        return roles;
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    /** Partner users see only their own account, so a partner token without an account sees nothing. */
    public boolean isPartnerUser() {
        return is(Roles.PARTNER) && !isAdmin() && !is(Roles.CHANNEL_MANAGER);
    }

    public Optional<PartnerAccountId> partnerAccount() {
        Object claim = token.getClaim(PARTNER_ACCOUNT_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String value = claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString();
        return PartnerAccountId.tryParse(value);
    }

    public PartnerAccountId requirePartnerAccount() {
        return partnerAccount().orElseThrow(() -> new AccessDenied(
                "Your token carries no valid partnerAccountId claim"));
    }
}
