package org.jbp.sfsim.canvas;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbp.sfsim.fault.ApiCallCounter;
import org.jbp.sfsim.soap.Sessions;

/**
 * The pages of the org that show the canvas app, and the Canvas SDK they serve. A page load signs a request
 * for the user with a session of theirs and POSTs it into an iframe, as Salesforce does; the SDK stand-in in
 * that iframe asks the page for a fresh signed request by {@code postMessage} and the page answers from the
 * same Salesforce session, so expiring the session ({@link Sessions#expireUser}) makes the refresh fail as it
 * does when a user's Salesforce session has ended.
 *
 * <ul>
 * <li>{@code GET /canvas/sdk/js/<version>/canvas-all.js}: "Access the SDK hosted on the Salesforce server ...
 * {@code https://<instance>.salesforce.com/canvas/sdk/js/<version>/canvas-all.js}" (Referencing the Canvas SDK,
 * https://developer.salesforce.com/docs/platform/canvas-framework/guide/canvas-framework-referencing-sdk.md).
 * A stand-in with only what the tab uses: {@code Sfdc.canvas.client.refreshSignedRequest(callback)}, which
 * "returns a new signed request via a callback" whose argument has {@code status} (200 on success) and
 * {@code payload.response} (the signed request), and {@code Sfdc.canvas.decode} (Requesting a Signed Request,
 * https://developer.salesforce.com/docs/atlas.en-us.platform_connect.meta/platform_connect/canvas_app_refresh_signed_request.htm).
 * The guide does not say what status a refresh answers once the session has ended; the stand-in answers 401.</li>
 * <li>{@code GET /lightning/r/Account/<id>/view?as=<userId>}: an internal user's Lightning record page.</li>
 * <li>{@code GET <sitePrefix>/s/joint-business-plans?as=<userId>}: the partner site page with the Aura component
 * ({@code force:canvasApp} is "For Use In: Lightning Experience, Experience Builder Sites", Canvas App,
 * https://developer.salesforce.com/docs/platform/lightning-component-reference/guide/force-canvas-app.html).</li>
 * <li>{@code POST /sim/canvas/refresh}: the page's answer to the SDK (simulator-internal).</li>
 * <li>{@code POST /sim/canvas/expire-sessions?user=<id>}: ends the user's sessions (test control); the REST API
 * then answers 401, "The session ID or OAuth token used has expired or is invalid" (Status Codes and Error
 * Responses, https://developer.salesforce.com/docs/atlas.en-us.194.0.api_rest.meta/api_rest/errorcodes.htm).</li>
 * </ul>
 * {@code as} stands in for the user having logged in to the org or the site; there is no login page.
 */
public final class CanvasEndpoint implements HttpHandler {

    private static final Pattern SDK = Pattern.compile("/canvas/sdk/js/([0-9]+\\.[0-9]+)/canvas-all\\.js");
    private static final Pattern RECORD_PAGE = Pattern.compile("/lightning/r/Account/([A-Za-z0-9]{15,18})/view");

    /** One shown app: the session it was signed with and what it was signed for. */
    private record Frame(String sessionId, String userId, CanvasApp.Location location, String recordId) {
    }

    private final CanvasApp app;
    private final Sessions sessions;
    private final ApiCallCounter calls;
    private final Supplier<String> baseUrl;
    private final Map<String, Frame> frames = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public CanvasEndpoint(CanvasApp app, Sessions sessions, ApiCallCounter calls, Supplier<String> baseUrl) {
        this.app = app;
        this.sessions = sessions;
        this.calls = calls;
        this.baseUrl = baseUrl;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            Matcher sdk = SDK.matcher(path);
            Matcher recordPage = RECORD_PAGE.matcher(path);
            try {
                if (method.equals("GET") && sdk.matches()) {
                    calls.record("canvas:sdk");
                    send(ex, 200, "application/javascript", sdkScript(sdk.group(1)));
                } else if (method.equals("GET") && recordPage.matches()) {
                    send(ex, 200, "text/html;charset=UTF-8",
                            page(user(ex), CanvasApp.Location.LIGHTNING, recordPage.group(1)));
                } else if (method.equals("GET") && path.equals(app.sitePrefix() + "/s/joint-business-plans")) {
                    send(ex, 200, "text/html;charset=UTF-8", page(user(ex), CanvasApp.Location.SITE, null));
                } else if (method.equals("POST") && path.equals("/sim/canvas/refresh")) {
                    refresh(ex);
                } else if (method.equals("POST") && path.equals("/sim/canvas/expire-sessions")) {
                    int ended = sessions.expireUser(required(ex, "user"));
                    send(ex, 200, "application/json", "{\"ended\":" + ended + "}");
                } else {
                    send(ex, 404, "text/plain", "no such page");
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                send(ex, 400, "text/plain", String.valueOf(e.getMessage()));
            }
        }
    }

    private void refresh(HttpExchange ex) throws IOException {
        String ticket;
        try (InputStream in = ex.getRequestBody()) {
            ticket = new String(in.readNBytes(200), StandardCharsets.US_ASCII).trim();
        }
        Frame frame = frames.get(ticket);
        calls.record("canvas:refreshSignedRequest");
        if (frame == null || !sessions.isLive(frame.sessionId())) {
            send(ex, 401, "text/plain", "session ended");
            return;
        }
        send(ex, 200, "text/plain",
                app.signedRequest(frame.sessionId(), frame.userId(), frame.location(), frame.recordId()));
    }

    /** A Salesforce page that shows the app: the signed request POSTed into the canvas iframe on load. */
    private String page(String userId, CanvasApp.Location location, String recordId) {
        String session = sessions.create(userId);
        String signed = app.signedRequest(session, userId, location, recordId);
        byte[] t = new byte[24];
        random.nextBytes(t);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
        frames.put(ticket, new Frame(session, userId, location, recordId));
        String canvasOrigin = origin(app.canvasUrl());
        String title = location == CanvasApp.Location.SITE ? "Partner Central" : "Account | Salesforce";
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>%1$s</title></head>
                <body><header id="sim-page" data-location="%2$s"><h1>%1$s</h1></header>
                <form id="sim-canvas-post" method="post" action="%3$s" target="canvas-frame-%4$s">
                <input type="hidden" name="signed_request" value="%5$s"></form>
                <iframe id="sim-canvas-frame" name="canvas-frame-%4$s" title="JBP Joint Business Plans"
                 style="width:100%%;height:1200px;border:0"></iframe>
                <script>
                const frame = document.getElementById('sim-canvas-frame');
                window.addEventListener('message', async (e) => {
                  if (e.source !== frame.contentWindow || e.origin !== '%6$s' || !e.data || e.data.jbpSimCanvas !== 'refresh') return;
                  const r = await fetch('/sim/canvas/refresh', { method: 'POST', body: '%7$s' });
                  const text = await r.text();
                  e.source.postMessage({ jbpSimCanvas: 'refreshed', seq: e.data.seq, status: r.status,
                    payload: { response: r.ok ? text : null } }, '%6$s');
                });
                document.getElementById('sim-canvas-post').submit();
                </script></body></html>
                """.formatted(title, location.name(), attr(app.canvasUrl()), CanvasApp.DEVELOPER_NAME, attr(signed),
                canvasOrigin, ticket);
    }

    private String sdkScript(String version) {
        return """
                // Stand-in for the Canvas SDK %1$s served by the Salesforce simulator: refreshSignedRequest and decode.
                (function () {
                  var parentOrigin = '%2$s';
                  var seq = 0;
                  var pending = {};
                  window.addEventListener('message', function (e) {
                    if (e.origin !== parentOrigin || !e.data || e.data.jbpSimCanvas !== 'refreshed') return;
                    var callback = pending[e.data.seq];
                    delete pending[e.data.seq];
                    if (callback) callback({ status: e.data.status, payload: e.data.payload });
                  });
                  window.Sfdc = window.Sfdc || {};
                  window.Sfdc.canvas = {
                    version: '%1$s',
                    decode: function (s) { return decodeURIComponent(escape(window.atob(s))); },
                    client: {
                      refreshSignedRequest: function (callback) {
                        var id = ++seq;
                        pending[id] = callback;
                        window.parent.postMessage({ jbpSimCanvas: 'refresh', seq: id }, parentOrigin);
                      }
                    }
                  };
                })();
                """.formatted(version, baseUrl.get());
    }

    private static String user(HttpExchange ex) {
        return required(ex, "as");
    }

    private static String required(HttpExchange ex, String name) {
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException("query parameter " + name + " is required");
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
