package org.jbp.sfsim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jbp.sfsim.admin.AdminEndpoint;
import org.jbp.sfsim.canvas.CanvasApp;
import org.jbp.sfsim.canvas.CanvasEndpoint;
import org.jbp.sfsim.fault.ApiCallCounter;
import org.jbp.sfsim.fault.FaultInjector;
import org.jbp.sfsim.rest.RestEndpoint;
import org.jbp.sfsim.soap.Sessions;
import org.jbp.sfsim.soap.SoapEndpoint;

/**
 * An in-memory Salesforce org speaking the SOAP partner API on the JDK HTTP server. Starts in milliseconds,
 * so each test can have its own. Close it to free the port.
 */
public final class SalesforceSimulator implements AutoCloseable {

    /** The path WSC logs in at; the login response then points it at {@code <this>/<org id>}. */
    public static final String SOAP_PATH = "/services/Soap/u/64.0";

    private final Org org;
    private final HttpServer server;
    private final ExecutorService executor;
    private final FaultInjector faults;
    private final ApiCallCounter calls = new ApiCallCounter();
    private final SoapEndpoint soap;
    private final Sessions sessions;
    private final CanvasApp canvas;
    private final String baseUrl;

    static {
        // Small (gzipped) responses otherwise wait on Nagle + delayed ACK: ~40 ms per call. The JDK server reads
        // this once, when its first instance is created; an explicit setting by the host application wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private SalesforceSimulator(SimulatorConfig config) throws IOException {
        this.org = new Org(config.clock(), config.organizationName(), config.username());
        config.setup().accept(org);
        this.faults = new FaultInjector(config.dailyApiLimit());
        this.sessions = new Sessions(org.organizationId(), config.sessionTimeout(), config.clock());
        faults.onExpireSessions(sessions::expireAll);
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
        this.baseUrl = "http://" + config.host() + ":" + server.getAddress().getPort();
        this.soap = new SoapEndpoint(org, config, sessions, faults, calls, () -> baseUrl);
        server.createContext("/services/Soap/u/", soap);
        server.createContext("/sim/admin/", new AdminEndpoint(org, faults, calls, soap));
        server.createContext("/services/data/", new RestEndpoint(org, sessions, calls));
        this.canvas = new CanvasApp(org, sessions, () -> baseUrl);
        CanvasEndpoint pages = new CanvasEndpoint(canvas, sessions, calls, () -> baseUrl);
        for (String path : new String[] {"/canvas/sdk/js/", "/lightning/r/", CanvasApp.SITE_PREFIX + "/s/", "/sim/canvas/"}) {
            server.createContext(path, pages);
        }
        this.executor = Executors.newFixedThreadPool(config.threads(), new DaemonThreads());
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a simulator bound to the configured host and port (port 0: a free one). */
    public static SalesforceSimulator start(SimulatorConfig config) {
        try {
            return new SalesforceSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Salesforce simulator", e);
        }
    }

    /** The login URL for WSC: {@code http://127.0.0.1:<port>/services/Soap/u/64.0}. */
    public String soapEndpoint() {
        return baseUrl + SOAP_PATH;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * A live session for a user, as the OAuth token in a Canvas signed request would be: the REST API
     * answers it with that user's visibility.
     */
    public String sessionFor(String userId) {
        return sessions.create(userId);
    }

    public Org org() {
        return org;
    }

    /** The Canvas connected app: configure its secret and canvas URL, then sign requests or open its pages. */
    public CanvasApp canvas() {
        return canvas;
    }

    /** Ends every session of a user (their OAuth tokens stop working); returns how many there were. */
    public int expireSessionsOf(String userId) {
        return sessions.expireUser(userId);
    }

    /** The Lightning record page of an account as an internal user sees it, with the canvas app on it. */
    public String lightningPageUrl(String userId, String accountId) {
        return baseUrl + "/lightning/r/Account/" + accountId + "/view?as=" + userId;
    }

    /** The partner site's plan page as a logged-in partner user sees it, with the canvas app on it. */
    public String sitePageUrl(String userId) {
        return baseUrl + CanvasApp.SITE_PREFIX + "/s/joint-business-plans?as=" + userId;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** API calls served since start or the last {@link #resetApiCallCount()}, login included. */
    public long apiCallCount() {
        return calls.total();
    }

    /** Calls per operation (login, query, queryMore, upsert ...). */
    public ApiCallCounter apiCalls() {
        return calls;
    }

    public void resetApiCallCount() {
        calls.reset();
    }

    /** Requests counted against the daily API limit. */
    public long dailyApiUsage() {
        return soap.dailyUsage();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "sfsim-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
