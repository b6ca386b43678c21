package org.jbp.canvas.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.canvas.control.CanvasSettings;
import org.jbp.canvas.control.TabSession;
import org.jbp.canvas.entity.TabIdentity;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.security.Roles;

/**
 * The demo login: the same tab outside Salesforce, as one of the demo's people. Exists only with
 * {@code jbp.demo.enabled=true}; otherwise every path here is a plain 404, indistinguishable from no servlet.
 *
 * <p>The people are the demo launcher's ({@code jbp.demo.users}): the users it prints tokens for, owns the demo
 * partners with and names as approvers, so signing in here shows the same plans as the printed tokens do.
 */
@WebServlet(urlPatterns = {"/demo", "/demo/*"})
public class DemoServlet extends HttpServlet {

    @Inject
    @ConfigProperty(name = "jbp.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "jbp.demo.users")
    Optional<String> configuredUsers;

    @Inject
    PartnerRepository partners;

    @Inject
    TabSession sessions;

    @Inject
    CanvasSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled) {
            response.sendError(404);
            return;
        }
        StringBuilder people = new StringBuilder();
        for (DemoUser user : DemoUser.parse(configuredUsers.orElse(""))) {
            people.append("<option value=\"").append(escape(user.id())).append("\">").append(escape(user.name()))
                    .append(" (").append(escape(user.roleLabel())).append(")</option>");
        }
        StringBuilder options = new StringBuilder();
        for (Partner p : partners.all()) {
            options.append("<option value=\"").append(escape(p.accountId().value())).append("\">")
                    .append(escape(p.name())).append("</option>");
        }
        TabPage.securityHeaders(response, "'none'");
        response.setContentType("text/html;charset=UTF-8");
        String ctx = request.getContextPath();
        response.getWriter().write("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>JBP demo login</title>
                <link rel="stylesheet" href="%1$s/tab/slds/styles/salesforce-lightning-design-system.min.css">
                <link rel="stylesheet" href="%1$s/tab/app.css"></head>
                <body class="jbp-demo-login"><main class="slds-p-around_large">
                <h1 class="slds-text-heading_large">JBP demo</h1>
                <p>Demo mode: sign in as a demo user. This page does not exist outside demo mode.</p>
                <form method="post" action="%1$s/demo/login" class="slds-form">
                <div class="slds-form-element"><label class="slds-form-element__label" for="user">Who you are</label>
                <select id="user" name="user" class="slds-select">%3$s</select></div>
                <div class="slds-form-element"><label class="slds-form-element__label" for="account">Partner account
                the tab opens on (a partner user always sees their own)</label>
                <select id="account" name="account" class="slds-select"><option value="">(portfolio)</option>%2$s</select></div>
                <button class="slds-button slds-button_brand slds-m-top_medium" type="submit">Open the plan tab</button>
                </form></main></body></html>
                """.formatted(ctx, options, people));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled || !"/login".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        String chosen = String.valueOf(request.getParameter("user"));
        DemoUser user = DemoUser.parse(configuredUsers.orElse("")).stream().filter(u -> u.id().equals(chosen)).findFirst()
                .orElse(null);
        if (user == null) {
            response.sendError(400, "pick one of the demo's people");
            return;
        }
        String account = user.partnerAccountId() != null ? user.partnerAccountId() : request.getParameter("account");
        account = account == null || account.isBlank() ? null
                : PartnerAccountId.tryParse(account).map(PartnerAccountId::value).orElse(null);
        boolean partner = Roles.PARTNER.equals(user.group());
        TabIdentity identity = new TabIdentity(user.id(), user.name(), List.of(user.group()),
                partner ? account : null, account, account == null ? "portfolio" : "account");
        TabPage.render(getServletContext(), response, sessions.start(identity, null), settings.frameAncestors(), null);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
