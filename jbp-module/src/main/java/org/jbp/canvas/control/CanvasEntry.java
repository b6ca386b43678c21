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
 * From a posted signed request to the identity the tab runs as: verify, map roles, and ask Salesforce (as the
 * user) who their partner account is and whether they can see the account in context.
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

    private final ReplayGuard replays = new ReplayGuard();
    private RoleMapping roles;

    @PostConstruct
    void init() {
        roles = new RoleMapping(settings.roleMapping());
    }

    /** Thrown when the request is authentic but the user may not use the tab (no role, account not visible). */
    public static class NoAccess extends Exception {
        public NoAccess(String reason) {
            super(reason, null, false, false);
        }
    }

    public CanvasRequest verify(String signedRequest) throws CanvasRejected {
        SignedRequestVerifier verifier = new SignedRequestVerifier(settings.consumerSecret(),
                settings.organizationId(), settings.issuedAtWindow(), settings.maxRequestBytes(), clock, replays);
        return verifier.verify(signedRequest);
    }

    public TabIdentity identify(CanvasRequest request) throws NoAccess {
        if (!settings.instanceUrlPattern().matcher(request.instanceUrl()).matches()) {
            throw new NoAccess("instanceUrl " + request.instanceUrl() + " is not allowed by jbp.canvas.instance-url-pattern");
        }
        SalesforceRestApi salesforce = RestClientBuilder.newBuilder()
                .baseUri(URI.create(request.instanceUrl()))
                .connectTimeout(settings.salesforceTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.salesforceTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(SalesforceRestApi.class);
        String bearer = "Bearer " + request.oauthToken();
        JsonObject user = call(() -> salesforce.user(request.userId(), bearer), "User " + request.userId());
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
        return new TabIdentity(request.userId(), name != null ? name : request.fullName(), groups, partnerAccount,
                account, view);
    }

    private interface Call {
        JsonObject run();
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

    private static boolean sameId(String a, String b) {
        return a != null && b != null && a.length() >= 15 && b.length() >= 15 && a.regionMatches(0, b, 0, 15);
    }

    private static String text(JsonObject o, String field) {
        JsonValue v = o == null ? null : o.get(field);
        return v instanceof JsonString s ? s.getString() : null;
    }
}
