package org.jbp.sfsim.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.fault.ApiCallCounter;
import org.jbp.sfsim.soap.Sessions;
import org.jbp.sfsim.soql.CompiledQuery;
import org.jbp.sfsim.soql.QueryResult;
import org.jbp.sfsim.store.ApiFaultException;
import org.jbp.sfsim.store.Record;
import org.jbp.sfsim.store.RecordStore;

/**
 * Answers REST calls the way Salesforce does for the calling user: {@code 401 INVALID_SESSION_ID} without a
 * live session, {@code 404 NOT_FOUND} for a record the user may not see (Salesforce does not reveal that it
 * exists), error bodies as a JSON array of {@code {message, errorCode}}.
 */
public final class RestEndpoint implements HttpHandler {

    public static final String VERSION_PATH = "/services/data/v64.0";

    private final Org org;
    private final Sessions sessions;
    private final ApiCallCounter calls;

    public RestEndpoint(Org org, Sessions sessions, ApiCallCounter calls) {
        this.org = org;
        this.sessions = sessions;
        this.calls = calls;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("METHOD_NOT_ALLOWED", "HTTP Method '" + exchange.getRequestMethod()
                        + "' not allowed. Allowed are GET"));
                return;
            }
            Optional<Viewer> viewer = viewer(exchange.getRequestHeaders().getFirst("Authorization"));
            if (viewer.isEmpty()) {
                send(exchange, 401, error("INVALID_SESSION_ID", "Session expired or invalid"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith(VERSION_PATH + "/")) {
                send(exchange, 404, error("NOT_FOUND", "The requested resource does not exist"));
                return;
            }
            String rest = path.substring(VERSION_PATH.length() + 1);
            if (rest.equals("query") || rest.equals("query/")) {
                calls.record("rest:query");
                query(exchange, viewer.get());
            } else if (rest.startsWith("sobjects/") && rest.split("/").length == 3) {
                calls.record("rest:retrieve");
                String[] parts = rest.split("/");
                retrieve(exchange, viewer.get(), parts[1], parts[2]);
            } else {
                send(exchange, 404, error("NOT_FOUND", "The requested resource does not exist"));
            }
        }
    }

    /** Who calls, and the partner account that bounds what they see (empty for internal users). */
    private record Viewer(String userId, String partnerAccountId) {
        boolean sees(Record r) {
            if (partnerAccountId == null) {
                return true;
            }
            String type = r.type().name();
            if (type.equals("Account")) {
                return sameId(r.id(), partnerAccountId);
            }
            if (type.equals("User")) {
                return sameId(r.id(), userId);
            }
            if (type.equals("Contact")) {
                // partner users see the contacts of their own account
                return sameId(String.valueOf(r.type().field("AccountId").map(r::get).orElse(null)), partnerAccountId);
            }
            return false;
        }
    }

    private static boolean sameId(String a, String b) {
        return a != null && b != null && a.length() >= 15 && b.length() >= 15 && a.regionMatches(0, b, 0, 15);
    }

    private Optional<Viewer> viewer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String token = authorization.startsWith("Bearer ") ? authorization.substring(7)
                : authorization.startsWith("OAuth ") ? authorization.substring(6) : null;
        return sessions.userOf(token).flatMap(org::get)
                .filter(u -> Boolean.TRUE.equals(u.get("IsActive")))
                .map(u -> new Viewer((String) u.get("Id"), (String) u.get("AccountId")));
    }

    private void retrieve(HttpExchange exchange, Viewer viewer, String type, String id) throws IOException {
        RecordStore store = org.store();
        Optional<Record> found = store.read(() -> store.find(id))
                .filter(r -> r.type().name().equalsIgnoreCase(type))
                .filter(viewer::sees);
        if (found.isEmpty()) {
            send(exchange, 404, error("NOT_FOUND", "The requested resource does not exist"));
            return;
        }
        Record r = found.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", attributes(r));
        out.putAll(RecordStore.toMap(r));
        send(exchange, 200, JsonText.write(out));
    }

    private void query(HttpExchange exchange, Viewer viewer) throws IOException {
        String soql = parameter(exchange.getRequestURI().getRawQuery(), "q");
        if (soql == null || soql.isBlank()) {
            send(exchange, 400, error("MALFORMED_QUERY", "A query string has to be specified"));
            return;
        }
        CompiledQuery q;
        try {
            q = org.queryEngine().compile(soql);
        } catch (ApiFaultException e) {
            send(exchange, 400, error(e.exceptionCode(), e.getMessage()));
            return;
        }
        if (q.aggregate() || q.countOnly()) {
            send(exchange, 400, error("MALFORMED_QUERY", "aggregate queries are not simulated over REST"));
            return;
        }
        RecordStore store = org.store();
        List<Object> records = store.read(() -> {
            QueryResult result = org.queryEngine().execute(q, false);
            List<Object> rows = new ArrayList<>();
            for (Record r : result.records()) {
                if (viewer.sees(r)) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("attributes", attributes(r));
                    row.putAll(q.project(r));
                    rows.add(row);
                }
            }
            return rows;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalSize", records.size());
        out.put("done", true);
        out.put("records", records);
        send(exchange, 200, JsonText.write(out));
    }

    private static Map<String, Object> attributes(Record r) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", r.type().name());
        a.put("url", VERSION_PATH + "/sobjects/" + r.type().name() + "/" + r.id());
        return a;
    }

    private static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String error(String code, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        e.put("errorCode", code);
        return JsonText.write(List.of(e));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
