package org.jbp.canvas.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.jbp.canvas.control.CanvasEntry;
import org.jbp.canvas.control.CanvasRejected;
import org.jbp.canvas.control.CanvasSettings;
import org.jbp.canvas.entity.CanvasRequest;
import org.jbp.canvas.entity.TabIdentity;
import org.jbp.canvas.control.TabSession;

/**
 * {@code POST /jbp/canvas}: Salesforce's signed request in, the plan tab out. Reads the form body itself,
 * capped at {@code jbp.canvas.max-request-bytes}, so an oversized post is refused before it is buffered or
 * parsed. Every refusal of the request itself (signature, algorithm, organization, or an OAuth token Salesforce
 * no longer accepts) is a 401 with the same problem+json body, so a caller cannot tell which check failed; an
 * authentic request from a user without access is a 403, and a Salesforce that cannot be asked a 503. None
 * renders anything of the tab; the reason goes to the server log only.
 */
@WebServlet(urlPatterns = "/canvas")
public class CanvasServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CanvasServlet.class.getName());

    @Inject
    CanvasEntry entry;

    @Inject
    CanvasSettings settings;

    @Inject
    TabSession sessions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String signedRequest;
        try {
            signedRequest = signedRequest(request, settings.maxRequestBytes());
        } catch (CanvasRejected e) {
            refuse(response, 401, e.getMessage());
            return;
        }
        CanvasRequest verified;
        try {
            verified = entry.verify(signedRequest);
        } catch (CanvasRejected e) {
            refuse(response, 401, e.getMessage());
            return;
        }
        TabIdentity identity;
        try {
            identity = entry.identify(verified);
        } catch (CanvasRejected e) {
            refuse(response, 401, e.getMessage());
            return;
        } catch (CanvasEntry.NoAccess e) {
            refuse(response, 403, e.getMessage());
            return;
        } catch (CanvasEntry.Unavailable e) {
            refuse(response, 503, e.getMessage());
            return;
        }
        String sdkUrl = entry.sdkUrl(verified);
        TabPage.render(getServletContext(), response, sessions.start(identity, sdkUrl), settings.frameAncestors(),
                TabPage.origin(sdkUrl));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Canvas apps configured for signed requests are only ever POSTed to.
        response.setHeader("Allow", "POST");
        response.sendError(405);
    }

    private static String signedRequest(HttpServletRequest request, int max) throws IOException, CanvasRejected {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new CanvasRejected("not a form post: " + type);
        }
        if (request.getContentLengthLong() > max) {
            throw new CanvasRejected("form body of " + request.getContentLengthLong() + " bytes exceeds " + max);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(max + 1);
        }
        if (body.length > max) {
            throw new CanvasRejected("form body exceeds " + max + " bytes");
        }
        String form = new String(body, StandardCharsets.US_ASCII);
        String found = null;
        for (String pair : form.split("&")) {
            if (pair.startsWith("signed_request=")) {
                if (found != null) {
                    throw new CanvasRejected("more than one signed_request");
                }
                try {
                    found = URLDecoder.decode(pair.substring("signed_request=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new CanvasRejected("signed_request is not form-encoded");
                }
            }
        }
        if (found == null) {
            throw new CanvasRejected("no signed_request field");
        }
        return found;
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        LOG.info(() -> "canvas request refused (" + status + "): " + reason);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setStatus(status);
        String title = switch (status) {
            case 401 -> "The signed request is not accepted; reopen the tab in Salesforce";
            case 403 -> "Your Salesforce user has no access to joint business plans here";
            default -> "Salesforce could not be reached; try again shortly";
        };
        response.getWriter().write(jakarta.json.Json.createObjectBuilder()
                .add("type", "about:blank").add("title", title).add("status", status).build().toString());
    }
}
