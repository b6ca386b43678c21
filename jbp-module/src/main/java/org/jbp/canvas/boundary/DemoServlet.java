package org.jbp.canvas.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.canvas.control.CanvasSettings;
import org.jbp.canvas.control.TabSession;
import org.jbp.canvas.entity.TabIdentity;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.partner.entity.PartnerAccountId;
import org.jbp.security.Roles;

/**
 * The demo login: the same tab outside Salesforce, as a chosen demo user. Exists only with
 * {@code jbp.demo.enabled=true}; otherwise every path here is a plain 404, indistinguishable from no servlet.
 */
@WebServlet(urlPatterns = {"/demo", "/demo/*"})
public class DemoServlet extends HttpServlet {

    /** role key → (user id, name, group); ids look like Salesforce user ids so plans show sensible owners. */
    private static final Map<String, List<String>> USERS = Map.of(
            "channel-manager", List.of("005000000000DEMCAM", "Casey Channel (demo)", Roles.CHANNEL_MANAGER),
            "approver", List.of("005000000000DEMAPP", "Avery Approver (demo)", Roles.APPROVER),
            "admin", List.of("005000000000DEMADM", "Ada Admin (demo)", Roles.ADMIN),
            "partner", List.of("005000000000DEMPRT", "Pat Partner (demo)", Roles.PARTNER));

    @Inject
    @ConfigProperty(name = "jbp.demo.enabled", defaultValue = "false")
    boolean enabled;

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
                <div class="slds-form-element"><label class="slds-form-element__label" for="role">Role</label>
                <select id="role" name="role" class="slds-select">
                <option value="channel-manager">Channel manager</option><option value="approver">Approver</option>
                <option value="partner">Partner user</option><option value="admin">JBP admin</option></select></div>
                <div class="slds-form-element"><label class="slds-form-element__label" for="account">Partner account
                (the account the tab opens on; a partner user's own)</label>
                <select id="account" name="account" class="slds-select"><option value="">(portfolio)</option>%2$s</select></div>
                <button class="slds-button slds-button_brand slds-m-top_medium" type="submit">Open the plan tab</button>
                </form></main></body></html>
                """.formatted(ctx, options));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled || !"/login".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        List<String> user = USERS.get(String.valueOf(request.getParameter("role")));
        String account = request.getParameter("account");
        account = account == null || account.isBlank() ? null
                : PartnerAccountId.tryParse(account).map(PartnerAccountId::value).orElse(null);
        if (user == null || (Roles.PARTNER.equals(user.get(2)) && account == null)) {
            response.sendError(400, "pick a role, and a partner account for a partner user");
            return;
        }
        boolean partner = Roles.PARTNER.equals(user.get(2));
        TabIdentity identity = new TabIdentity(user.get(0), user.get(1), List.of(user.get(2)),
                partner ? account : null, account, account == null ? "portfolio" : "account");
        TabPage.render(getServletContext(), response, sessions.start(identity, null), settings.frameAncestors(), null);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
