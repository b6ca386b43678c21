package org.jbp.sfsim.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.fault.ApiCallCounter;
import org.jbp.sfsim.fault.FaultInjector;
import org.jbp.sfsim.soap.SoapEndpoint;
import org.jbp.sfsim.store.ApiFaultException;
import org.jbp.sfsim.store.Record;
import org.jbp.sfsim.store.RecordStore;
import org.jbp.sfsim.store.SObjectType;

/**
 * The test-control API under {@code /sim/admin/}: inject faults, read and reset the call counter, inspect and
 * seed records. Plain JSON; documented in the module README. Not part of anything Salesforce offers.
 */
public final class AdminEndpoint implements HttpHandler {

    private static final String ROOT = "/sim/admin/";

    private final Org org;
    private final FaultInjector faults;
    private final ApiCallCounter calls;
    private final SoapEndpoint soap;

    public AdminEndpoint(Org org, FaultInjector faults, ApiCallCounter calls, SoapEndpoint soap) {
        this.org = org;
        this.faults = faults;
        this.calls = calls;
        this.soap = soap;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            // raw, so an external id may hold an encoded slash; each segment is decoded where it is used
            String path = ex.getRequestURI().getRawPath().substring(ROOT.length());
            String method = ex.getRequestMethod().toUpperCase();
            try {
                route(ex, method, path);
            } catch (ApiFaultException e) {
                send(ex, 400, Map.of("errorCode", e.exceptionCode(), "message", e.getMessage()));
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                send(ex, 400, Map.of("errorCode", "BAD_REQUEST", "message", String.valueOf(e.getMessage())));
            }
        }
    }

    private void route(HttpExchange ex, String method, String path) throws IOException {
        if (path.equals("calls") && method.equals("GET")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total", calls.total());
            m.put("byOperation", calls.byOperation());
            m.put("dailyUsage", soap.dailyUsage());
            m.put("dailyLimit", faults.dailyLimit());
            send(ex, 200, m);
        } else if (path.equals("reset-calls") && method.equals("POST")) {
            calls.reset();
            send(ex, 204, null);
        } else if (path.equals("reset-daily-usage") && method.equals("POST")) {
            soap.resetDailyUsage();
            send(ex, 204, null);
        } else if (path.equals("faults") && method.equals("POST")) {
            applyFaults(asMap(Json.parse(body(ex))));
            send(ex, 204, null);
        } else if (path.equals("faults") && method.equals("DELETE")) {
            faults.clear();
            send(ex, 204, null);
        } else if (path.equals("faults") && method.equals("GET")) {
            send(ex, 200, Map.of("pending", faults.pending(), "latencyMillis", faults.latencyMillis(),
                    "dailyLimit", faults.dailyLimit()));
        } else if (path.startsWith("records/") && method.equals("GET")) {
            String object = decode(path.substring("records/".length()));
            send(ex, 200, records(object, limit(ex)));
        } else if (path.matches("records/[^/]+/[^/]+") && method.equals("POST")) {
            String id = decode(path.substring(path.lastIndexOf('/') + 1));
            org.update(id, asMap(Json.parse(body(ex))));
            send(ex, 200, org.get(id).orElseThrow());
        } else if (path.matches("fund-requests/[^/]+/claims") && method.equals("POST")) {
            String externalId = decode(path.substring("fund-requests/".length(), path.length() - "/claims".length()));
            send(ex, 201, Map.of("id", org.addFundClaim(externalId, asMap(Json.parse(body(ex))))));
        } else if (path.matches("fund-requests/[^/]+") && method.equals("POST")) {
            String externalId = decode(path.substring("fund-requests/".length()));
            String id = org.updateFundRequest(externalId, asMap(Json.parse(body(ex))));
            send(ex, 200, org.get(id).orElseThrow());
        } else if (path.startsWith("records/") && method.equals("POST")) {
            String object = decode(path.substring("records/".length()));
            String id = org.insert(object, asMap(Json.parse(body(ex))));
            send(ex, 201, Map.of("id", id));
        } else if (path.equals("query") && method.equals("GET")) {
            String q = param(ex, "q");
            if (q == null) {
                throw new IllegalArgumentException("missing q");
            }
            send(ex, 200, org.query(q));
        } else {
            send(ex, 404, Map.of("errorCode", "NOT_FOUND", "message", "no admin resource " + method + " " + path));
        }
    }

    private void applyFaults(Map<String, Object> f) {
        String code = (String) f.get("code");
        String operation = (String) f.get("operation");
        if (f.containsKey("failNext")) {
            faults.failNext(intOf(f.get("failNext")), code == null ? "SERVER_UNAVAILABLE" : code, operation);
        }
        if (f.containsKey("failNextAfterCommit")) {
            faults.failNextAfterCommit(intOf(f.get("failNextAfterCommit")), operation,
                    code == null ? FaultInjector.CONNECTION_DROP : code);
        }
        if (f.containsKey("failNextRecords")) {
            faults.failNextRecords(intOf(f.get("failNextRecords")), code == null ? "UNABLE_TO_LOCK_ROW" : code);
        }
        if (f.containsKey("latencyMillis")) {
            faults.latencyMillis(((Number) f.get("latencyMillis")).longValue());
        }
        if (Boolean.TRUE.equals(f.get("expireSessions"))) {
            faults.expireSessions();
        }
        if (f.containsKey("dailyLimit")) {
            faults.dailyLimit(((Number) f.get("dailyLimit")).longValue());
        }
        if (f.containsKey("queryTimeoutOn")) {
            faults.queryTimeoutOn((String) f.get("queryTimeoutOn"));
        }
        if (f.containsKey("queryTimeoutOver")) {
            faults.queryTimeoutOver(((Number) f.get("queryTimeoutOver")).longValue(), (String) f.get("object"));
        }
    }

    private List<Map<String, Object>> records(String object, int limit) {
        RecordStore store = org.store();
        SObjectType type = store.type(object);
        return store.read(() -> {
            int[] size = new int[1];
            Record[] rows = store.snapshot(type, size);
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < size[0] && out.size() < limit; i++) {
                if (!rows[i].deleted()) {
                    out.add(RecordStore.toMap(rows[i]));
                }
            }
            return out;
        });
    }

    private static int limit(HttpExchange ex) {
        String l = param(ex, "limit");
        return l == null ? 1000 : Integer.parseInt(l);
    }

    private static String param(HttpExchange ex, String name) {
        String query = ex.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static int intOf(Object o) {
        return ((Number) o).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (Map<String, Object>) o;
    }

    private static String body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }
}
