package org.jbp.sfsim.soap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLStreamException;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.fault.ApiCallCounter;
import org.jbp.sfsim.fault.FaultInjector;
import org.jbp.sfsim.store.ApiFaultException;
import org.jbp.sfsim.store.FaultKind;

/**
 * The HTTP side of the SOAP API at {@code /services/Soap/u/...}: gunzips requests, dispatches on the first
 * element of the Body (WSC sends an empty SOAPAction), counts calls, applies injected faults and limits,
 * and writes responses (gzipped when the client accepts it) with a LimitInfoHeader.
 */
public final class SoapEndpoint implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(SoapEndpoint.class.getName());

    private final PartnerApi api;
    private final Sessions sessions;
    private final FaultInjector faults;
    private final ApiCallCounter counter;
    private final Supplier<String> baseUrl;
    private final AtomicLong dailyUsed = new AtomicLong();

    public SoapEndpoint(Org org, SimulatorConfig config, Sessions sessions, FaultInjector faults,
                        ApiCallCounter counter, Supplier<String> baseUrl) {
        this.sessions = sessions;
        this.faults = faults;
        this.counter = counter;
        this.baseUrl = baseUrl;
        this.api = new PartnerApi(org, config, sessions,
                new Cursors(config.maxOpenCursors(), config.cursorTimeout(), config.clock()), faults);
    }

    /** API requests counted against the daily limit since start or {@link #resetDailyUsage()}. */
    public long dailyUsage() {
        return dailyUsed.get();
    }

    public void resetDailyUsage() {
        dailyUsed.set(0);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "SOAP exchange failed", e);
            throw e;
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        XmlNode envelope;
        try (InputStream raw = exchange.getRequestBody();
             InputStream in = isGzip(exchange) ? new GZIPInputStream(raw) : raw) {
            envelope = XmlNode.parse(in);
        } catch (XMLStreamException | IOException e) {
            respond(exchange, 500, clientFault("Unable to parse the request: " + e.getMessage()));
            return;
        }
        XmlNode header = envelope.child("Header").orElse(null);
        Optional<XmlNode> body = envelope.child("Body");
        if (body.isEmpty() || body.get().children().isEmpty()) {
            respond(exchange, 500, clientFault("No SOAP Body or operation element"));
            return;
        }
        XmlNode request = body.get().children().get(0);
        String operation = request.name();
        counter.record(operation);
        long used = dailyUsed.incrementAndGet();
        long limit = faults.dailyLimit();
        pause(faults.latencyMillis());

        Optional<String> injected = faults.takeFailure(operation);
        if (injected.isPresent()) {
            String code = injected.get();
            if (code.equals(FaultInjector.HTTP_503)) {
                byte[] page = "<html><body><h1>503 Service Unavailable</h1></body></html>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
                exchange.sendResponseHeaders(503, page.length);
                exchange.getResponseBody().write(page);
                return;
            }
            if (code.equals(FaultInjector.CONNECTION_DROP)) {
                dropConnection(exchange);
                return;
            }
            respond(exchange, 500, fault(injectedFault(code), used, limit));
            return;
        }
        byte[] response;
        try {
            if (used > limit) {
                throw new ApiFaultException("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.",
                        FaultKind.UNEXPECTED_ERROR);
            }
            String userId = null;
            if (!operation.equals("login")) {
                String sessionId = header == null ? null
                        : header.child("SessionHeader").map(h -> h.childText("sessionId")).orElse(null);
                userId = sessions.userOf(sessionId).orElseThrow(SoapEndpoint::illegalSession);
            }
            PartnerApi.Call call = new PartnerApi.Call(baseUrl.get(), userId, header);
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            try (SoapWriter w = new SoapWriter(out, false)) {
                w.limitInfoHeader(Math.min(used, limit), limit);
                w.startBody();
                api.dispatch(operation, request, call, w);
                w.end();
                w.end();
            }
            response = out.toByteArray();
        } catch (ApiFaultException e) {
            respond(exchange, 500, fault(e, used, limit));
            return;
        } catch (PartnerApi.UnknownOperationException e) {
            respond(exchange, 500, clientFault(e.getMessage()));
            return;
        } catch (XMLStreamException | RuntimeException e) {
            LOG.log(Level.WARNING, "Unexpected failure serving " + operation, e);
            respond(exchange, 500, fault(new ApiFaultException("UNKNOWN_EXCEPTION", "An unexpected error occurred: "
                    + e, FaultKind.UNEXPECTED_ERROR), used, limit));
            return;
        }
        Optional<String> afterCommit = faults.takeAfterCommit(operation);
        if (afterCommit.isPresent()) {
            if (afterCommit.get().equals(FaultInjector.CONNECTION_DROP)) {
                dropConnection(exchange);
            } else {
                respond(exchange, 500, fault(injectedFault(afterCommit.get()), used, limit));
            }
            return;
        }
        faults.holdAfterCommit(operation);
        respond(exchange, 200, response);
    }

    private static ApiFaultException illegalSession() {
        return new ApiFaultException("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal "
                + "Session. Session not found, missing session hash: Illegal Session", FaultKind.UNEXPECTED_ERROR);
    }

    /** The fault a planned failure stands for, with the message Salesforce uses for that code. */
    private static ApiFaultException injectedFault(String code) {
        return switch (code) {
            case "INVALID_SESSION_ID" -> illegalSession();
            case "REQUEST_LIMIT_EXCEEDED" -> new ApiFaultException(code, "TotalRequests Limit exceeded.",
                    FaultKind.UNEXPECTED_ERROR);
            case FaultInjector.CONCURRENT_REQUEST_LIMIT, "REQUEST_LIMIT_EXCEEDED_CONCURRENT" ->
                    new ApiFaultException("REQUEST_LIMIT_EXCEEDED", "ConcurrentRequests (Concurrent API Requests) "
                            + "Limit exceeded.", FaultKind.UNEXPECTED_ERROR);
            case "SERVER_UNAVAILABLE" -> new ApiFaultException(code, "Server unavailable: the server is "
                    + "temporarily unable to service your request, try again later", FaultKind.UNEXPECTED_ERROR);
            case "QUERY_TIMEOUT" -> new ApiFaultException(code, "Your query request was running for too long.",
                    FaultKind.UNEXPECTED_ERROR);
            case "INVALID_QUERY_LOCATOR" -> new ApiFaultException(code, "invalid query locator",
                    FaultKind.INVALID_QUERY_LOCATOR);
            case "INVALID_LOGIN" -> new ApiFaultException(code, "Invalid username, password, security token; or "
                    + "user locked out.", FaultKind.LOGIN);
            case "UNABLE_TO_LOCK_ROW" -> new ApiFaultException(code, "unable to obtain exclusive access to this "
                    + "record", FaultKind.UNEXPECTED_ERROR);
            default -> new ApiFaultException(code, code.toLowerCase(Locale.ROOT).replace('_', ' '),
                    FaultKind.UNEXPECTED_ERROR);
        };
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Promises a body, sends part of nothing, and lets the server close the connection mid-response. */
    private static void dropConnection(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 1024);
        exchange.getResponseBody().flush();
        throw new IOException("simulated connection drop");
    }

    private static boolean isGzip(HttpExchange exchange) {
        String enc = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return enc != null && enc.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static byte[] fault(ApiFaultException e, long used, long limit) {
        return faultEnvelope(1024, w -> {
            w.limitInfoHeader(Math.min(used, limit), limit);
            w.startBody();
            w.startSoapenv("Fault");
            w.unqualified("faultcode", "sf:" + e.exceptionCode());
            w.unqualified("faultstring", e.faultString());
            w.startUnqualified("detail");
            String element = e.kind().element();
            w.startSfTyped(element, "sf:" + element);
            w.sfElement("exceptionCode", e.exceptionCode());
            w.sfElement("exceptionMessage", e.getMessage());
            if (e.kind().hasRowAndColumn()) {
                w.sfElement("row", Integer.toString(e.row()));
                w.sfElement("column", Integer.toString(e.column()));
            }
            w.end();
            w.end();
        });
    }

    private static byte[] clientFault(String message) {
        return faultEnvelope(512, w -> {
            w.startBody();
            w.startSoapenv("Fault");
            w.unqualified("faultcode", "soapenv:Client");
            w.unqualified("faultstring", message);
        });
    }

    /** What goes into a fault's envelope before the Fault, Body and Envelope elements close. */
    private interface FaultContent {
        void write(SoapWriter w) throws XMLStreamException;
    }

    private static byte[] faultEnvelope(int expectedSize, FaultContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expectedSize);
        try (SoapWriter w = new SoapWriter(out, true)) {
            content.write(w);
            w.end();
            w.end();
            w.end();
        } catch (XMLStreamException x) {
            throw new IllegalStateException("cannot write a fault", x);
        }
        return out.toByteArray();
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        byte[] payload = body;
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 256) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 4 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped, 8192) {
                {
                    // Speed over ratio: the simulator's job is to keep up with the client.
                    def.setLevel(Deflater.BEST_SPEED);
                }
            }) {
                gz.write(body);
            }
            payload = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(status, payload.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(payload);
        }
    }
}
