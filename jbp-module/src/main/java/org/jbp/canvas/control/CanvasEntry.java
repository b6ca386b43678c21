package org.jbp.canvas.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jbp.canvas.entity.CanvasRequest;
import org.jbp.canvas.entity.TabIdentity;
import org.jbp.people.control.UserDirectory;
import org.jbp.people.entity.PersonSource;
import org.jbp.security.Roles;

/**
 * From a posted signed request to the identity the tab runs as: verify, check the user's OAuth token live
 * against the instance, map roles, and ask Salesforce (as the user) who their partner account is and whether
 * they can see the account in context. The live check is the user look-up the tab needs anyway
 * ({@code sobjects/User/<id>} with the user's token), so it costs no extra call and no extra OAuth scope.
 */
@ApplicationScoped
public class CanvasEntry {

    private static final Logger LOG = Logger.getLogger(CanvasEntry.class.getName());

    @Inject
    CanvasSettings settings;

    @Inject
    Clock clock;

    @Inject
    UserDirectory directory;

    private RoleMapping roles;
    private LiveTokenCheck liveTokens;

    @PostConstruct
    void init() {
        roles = new RoleMapping(settings.roleMapping());
        liveTokens = new LiveTokenCheck(settings.tokenCheckTtl(), clock);
    }

    /** Thrown when the request is authentic but the user may not use the tab (no role, account not visible). */
    public static class NoAccess extends Exception {
        public NoAccess(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Salesforce could not be reached to check the token: the request is neither trusted nor refused. */
    public static class Unavailable extends Exception {
        public Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    public CanvasRequest verify(String signedRequest) throws CanvasRejected {
        SignedRequestVerifier verifier = new SignedRequestVerifier(settings.consumerSecret(),
                settings.organizationId(), settings.maxRequestBytes());
        return verifier.verify(signedRequest);
    }

    /** Where the tab loads the Canvas SDK from: the org serves it under the instance URL. */
    public String sdkUrl(CanvasRequest request) {
        String base = request.instanceUrl().endsWith("/")
                ? request.instanceUrl().substring(0, request.instanceUrl().length() - 1) : request.instanceUrl();
        return base + "/canvas/sdk/js/" + settings.sdkVersion() + "/canvas-all.js";
    }

    /**
     * The identity of an authentic request. {@link CanvasRejected} when Salesforce no longer accepts the
     * request's OAuth token (the request is then not trusted at all: 401), {@link NoAccess} when it does but
     * the user may not use the tab (403), {@link Unavailable} when Salesforce cannot be asked (503).
     */
    public TabIdentity identify(CanvasRequest request) throws CanvasRejected, NoAccess, Unavailable {
        if (!settings.allowsSalesforceUrl(request.instanceUrl())) {
            throw new NoAccess("instanceUrl " + request.instanceUrl()
                    + " is not allowed by jbp.canvas.instance-url-pattern or jbp.canvas.custom-domains");
        }
        if (request.fromSite() && !settings.allowsSalesforceUrl(request.siteUrl())) {
            throw new NoAccess("siteUrl " + request.siteUrl()
                    + " is not allowed by jbp.canvas.instance-url-pattern or jbp.canvas.custom-domains");
        }
        SalesforceRestApi salesforce = RestClientBuilder.newBuilder()
                .baseUri(URI.create(request.instanceUrl()))
                .connectTimeout(settings.salesforceTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.salesforceTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(SalesforceRestApi.class);
        String bearer = "Bearer " + request.oauthToken();
        JsonObject user;
        try {
            user = liveTokens.check(request.oauthToken(), request.userId(),
                    () -> lookUp(() -> salesforce.user(request.userId(), bearer), "User " + request.userId()));
        } catch (LiveTokenCheck.TokenRefused e) {
            throw new CanvasRejected("the OAuth token is no longer accepted by Salesforce: " + e.getMessage());
        } catch (LiveTokenCheck.Forbidden e) {
            throw new NoAccess(e.getMessage());
        } catch (LiveTokenCheck.SalesforceUnavailable e) {
            throw new Unavailable(e.getMessage());
        }
        if (!sameId(text(user, "Id"), request.userId()) || Boolean.FALSE.equals(bool(user, "IsActive"))) {
            throw new CanvasRejected("Salesforce returned another or an inactive user for " + request.userId());
        }
        String name = text(user, "Name");
        String partnerAccount = text(user, "AccountId");
        List<String> groups = new ArrayList<>();
        Set<String> mapped = roles.groupsFor(request.profileId(), text(user, "UserRoleId") != null
                ? text(user, "UserRoleId") : request.roleId());
        if (partnerAccount != null) {
            // a partner (community) user is a partner user whatever their profile says: never more
            groups.add(Roles.PARTNER);
        } else {
            mapped.remove(Roles.PARTNER);
            groups.addAll(mapped);
        }
        if (groups.isEmpty()) {
            throw new NoAccess("user " + request.userId() + " has no JBP role (profile " + request.profileId()
                    + ", role " + request.roleId() + ")");
        }
        String account = request.accountInContext().orElse(null);
        if (account != null) {
            String requested = account;
            if (!requested.startsWith("001")) {
                throw new NoAccess("record in context " + requested + " is not an account");
            }
            JsonObject visible = call(() -> salesforce.account(requested, bearer), "Account " + requested);
            account = text(visible, "Id");
            if (account == null) {
                throw new NoAccess("Salesforce returned no Account for " + requested);
            }
            if (partnerAccount != null && !sameId(partnerAccount, account)) {
                throw new NoAccess("partner user " + request.userId() + " opened another partner's account");
            }
        } else if (partnerAccount != null) {
            account = partnerAccount;
        }
        String view = account == null ? "portfolio" : request.view().filter("portfolio"::equals).orElse("account");
        // the Canvas user as Salesforce has them, email included, for everyone the tab shows them to
        directory.signedIn(request.userId(), name != null ? name : request.fullName(), text(user, "Email"),
                PersonSource.CANVAS);
        String site = request.fromSite() ? join(request.siteUrl(), request.siteUrlPrefix()) : null;
        return new TabIdentity(request.userId(), name != null ? name : request.fullName(), groups, partnerAccount,
                account, view, site);
    }

    private interface Call {
        JsonObject run();
    }

    /**
     * The token check. Salesforce's REST API answers 401 for a session that expired or was revoked (the token
     * itself is refused), 403 when it refuses the request (API not enabled, limits), 404 for a record the user
     * cannot see; anything else means it could not answer.
     */
    private static JsonObject lookUp(Call call, String what)
            throws LiveTokenCheck.TokenRefused, LiveTokenCheck.Forbidden, LiveTokenCheck.SalesforceUnavailable {
        try {
            return call.run();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            LOG.info(() -> "Salesforce answered " + status + " for " + what + " read with the canvas user's token");
            if (status == 401) {
                throw new LiveTokenCheck.TokenRefused("Salesforce answered 401 for " + what);
            }
            if (status == 403 || status == 404) {
                throw new LiveTokenCheck.Forbidden("Salesforce answered " + status + " for " + what);
            }
            throw new LiveTokenCheck.SalesforceUnavailable("Salesforce answered " + status + " for " + what);
        } catch (ProcessingException e) {
            LOG.warning(() -> "Salesforce unreachable reading " + what + ": " + e.getMessage());
            throw new LiveTokenCheck.SalesforceUnavailable("Salesforce unreachable");
        }
    }

    private static JsonObject call(Call call, String what) throws NoAccess {
        try {
            return call.run();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            LOG.info(() -> "Salesforce answered " + status + " for " + what + " read as the canvas user");
            throw new NoAccess("Salesforce refused " + what + " (" + status + ")");
        } catch (ProcessingException e) {
            LOG.warning(() -> "Salesforce unreachable reading " + what + ": " + e.getMessage());
            throw new NoAccess("Salesforce unreachable");
        }
    }

    /** siteUrl ends with a slash, siteUrlPrefix starts with one ("https://x.my.site.com/" + "/partners"). */
    private static String join(String siteUrl, String prefix) {
        String base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        return prefix == null ? base : base + (prefix.startsWith("/") ? prefix : "/" + prefix);
    }

    private static boolean sameId(String a, String b) {
        return a != null && b != null && a.length() >= 15 && b.length() >= 15 && a.regionMatches(0, b, 0, 15);
    }

    private static Boolean bool(JsonObject o, String field) {
        JsonValue v = o == null ? null : o.get(field);
        return v == JsonValue.TRUE ? Boolean.TRUE : v == JsonValue.FALSE ? Boolean.FALSE : null;
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o == null ? null : o.get(field);
        return v instanceof JsonString s ? s.getString() : null;
    }
}
