package org.jbp.crm.salesforce;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ApiQueryFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import com.sforce.ws.SoapFaultException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import org.jbp.crm.ApiBudget;
import org.jbp.crm.CrmError;
import org.jbp.crm.CrmException;

/**
 * The one door for every Salesforce call: {@code session.call("query", c -> c.query(soql))}.
 * It names the operation for logs, counts requests, renews expired sessions, retries what is safe to retry with
 * backoff, and turns every fault into a {@link CrmException} of the right kind.
 *
 * <p>Only idempotent operations (query, queryMore, retrieve, update, upsert on an external id) may go through
 * {@link #call}: a transient failure re-sends the request. A create must never be sent through it.
 * Not thread-safe: one session per sync job.
 */
public final class SalesforceSession implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SalesforceSession.class.getName());
    private static final QName SESSION_HEADER = new QName("urn:partner.soap.sforce.com", "SessionHeader");

    private final SalesforceSettings settings;
    private final Sleeper sleeper;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong logins = new AtomicLong();
    private PartnerConnection connection;
    private volatile ApiBudget budget = ApiBudget.UNLIMITED;

    public SalesforceSession(SalesforceSettings settings) {
        this(settings, Sleeper.REAL);
    }

    public SalesforceSession(SalesforceSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /** HTTP requests sent to Salesforce so far, logins and retries included. */
    public long requestCount() {
        return requests.get();
    }

    /** Logins performed, the first one and every renewal. */
    private volatile org.jbp.crm.ApiUsage apiUsage;

    /** The LimitInfoHeader of the last response ("API REQUESTS": current and limit), empty before any. */
    public java.util.Optional<org.jbp.crm.ApiUsage> apiUsage() {
        return java.util.Optional.ofNullable(apiUsage);
    }

    /** Every SOAP response carries LimitInfoHeader (SOAP API Developer Guide, LimitInfoHeader); WSC keeps the last. */
    private void readLimitInfo(PartnerConnection connection) {
        var header = connection.getLimitInfoHeader();
        if (header == null || header.getLimitInfo() == null) {
            return;
        }
        for (var info : header.getLimitInfo()) {
            if ("API REQUESTS".equals(info.getType())) {
                apiUsage = new org.jbp.crm.ApiUsage(info.getCurrent(), info.getLimit());
            }
        }
    }

    /** From now on every request first asks {@code budget}; see {@link #call}. */
    public void limitTo(ApiBudget budget) {
        this.budget = java.util.Objects.requireNonNull(budget, "budget");
    }

    /**
     * Asked before each attempt, and so before each request: a step's budget ends at the request where it is used
     * up, however many requests the operation around it makes. The usage is the one the last response reported
     * (LimitInfoHeader), so the first request of a session, and the login in front of it, go out unchecked.
     */
    private void ensureBudgetAllows(String operation) {
        java.util.Optional<String> refusal = budget.refusal(apiUsage());
        if (refusal.isPresent()) {
            throw new CrmException(CrmException.Kind.BUDGET_USED, "API_BUDGET_SHARE",
                    operation + " not sent: " + refusal.get(), null);
        }
    }

    public long loginCount() {
        return logins.get();
    }

    public int queryBatchSize() {
        return settings.queryBatchSize();
    }

    public RetryPolicy retryPolicy() {
        return settings.retryPolicy();
    }

    /**
     * Runs an idempotent call, retrying transient faults and renewing the session once.
     *
     * @param operation a short name for logs and error messages, e.g. "query" or "upsert PartnerFundRequest"
     * @throws CrmException when the call cannot succeed (kind says why)
     */
    public <T> T call(String operation, SoapCall<T> call) {
        boolean renewed = false;
        int retries = 0;
        while (true) {
            ensureBudgetAllows(operation);
            PartnerConnection current;
            try {
                current = connection();
            } catch (CrmException e) {
                if (e.kind() != CrmException.Kind.TRANSIENT || retries >= settings.retryPolicy().maxRetries()) {
                    throw e;
                }
                retries++;
                waitBeforeRetry(retries, "login");
                continue;
            }
            long loginsBefore = logins.get();
            Failure failure;
            try {
                T result = call.run(current);
                readLimitInfo(current);
                return result;
            } catch (ApiFault fault) {
                failure = failureOf(fault);
            } catch (SoapFaultException fault) {
                String code = fault.getFaultCode() == null ? "UNKNOWN" : fault.getFaultCode().getLocalPart();
                failure = new Failure(code, fault.getMessage(), FaultClassifier.classify(code, fault.getMessage()), fault);
            } catch (ConnectionException e) {
                failure = new Failure("CONNECTION_FAILED", String.valueOf(e.getMessage()),
                        FaultClassifier.classifyTransport(e), e);
            }
            switch (failure.decision()) {
                case RETRY_LATER -> {
                    if (retries >= settings.retryPolicy().maxRetries()) {
                        throw failure.toException(operation, " (gave up after " + retries + " retries)");
                    }
                    retries++;
                    LOG.log(Level.INFO, "{0} failed with {1}; retry {2}",
                            new Object[] {operation, failure.code(), retries});
                    waitBeforeRetry(retries, operation);
                }
                case RENEW_SESSION -> {
                    // WSC's SessionRenewer may already have logged in again during this attempt; once is enough.
                    renewed |= logins.get() > loginsBefore;
                    if (renewed || !settings.canLogIn()) {
                        throw failure.toException(operation, settings.canLogIn()
                                ? " (session refused again right after a new login)"
                                : " (the configured session expired and no credentials are configured to renew it)");
                    }
                    renewed = true;
                    LOG.log(Level.INFO, "{0}: session expired, logging in again", operation);
                    logInAgain();
                }
                default -> throw failure.toException(operation, "");
            }
        }
    }

    /** What an ended query shows of its SOQL: enough to find it in the mapping, not a 100,000-character IN list. */
    private static final int SOQL_SHOWN = 600;

    /**
     * A SOQL call ({@code query}, {@code queryAll}) through {@link #call}. A QUERY_TIMEOUT that ends it names the
     * query: it is not retried (FaultClassifier), and a query that cannot be split must be made selective by an
     * administrator, who needs to know which one it was.
     */
    public <T> T query(String operation, String soql, SoapCall<T> call) {
        try {
            return call(operation, call);
        } catch (CrmException e) {
            if (!"QUERY_TIMEOUT".equals(e.statusCode())) {
                throw e;
            }
            String shown = soql.length() <= SOQL_SHOWN ? soql : soql.substring(0, SOQL_SHOWN) + " ...";
            throw new CrmException(new CrmError(e.kind(), e.statusCode(), e.error().message() + " Query: " + shown,
                    e.fields()), e);
        }
    }

    /** Sleeps the backoff before retry number {@code retry}; an interrupt ends the wait and the operation. */
    void waitBeforeRetry(int retry, String operation) {
        Duration pause = settings.retryPolicy().backoffBefore(retry);
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException(CrmException.Kind.TRANSIENT, "INTERRUPTED",
                    operation + " interrupted while waiting to retry", e);
        }
    }

    private static Failure failureOf(ApiFault fault) {
        String code = fault.getExceptionCode() == null ? "UNKNOWN" : fault.getExceptionCode().name();
        String message = fault.getExceptionMessage();
        if (fault instanceof ApiQueryFault queryFault && queryFault.getRow() > 0) {
            message = message + " (row " + queryFault.getRow() + ", column " + queryFault.getColumn() + ")";
        }
        return new Failure(code, message, FaultClassifier.classify(code, fault.getExceptionMessage()), fault);
    }

    private record Failure(String code, String message, FaultDecision decision, Exception cause) {
        CrmException toException(String operation, String suffix) {
            return new CrmException(new CrmError(decision.kindWhenGivingUp(), code,
                    operation + ": " + message + suffix, List.of()), cause);
        }
    }

    /** The connection, logging in on first use. */
    private PartnerConnection connection() {
        if (connection == null) {
            connection = connect();
        }
        return connection;
    }

    private PartnerConnection connect() {
        ConnectorConfig config = baseConfig();
        if (settings.canLogIn()) {
            config.setAuthEndpoint(settings.authEndpoint());
            config.setServiceEndpoint(settings.authEndpoint());
            config.setUsername(settings.username().orElseThrow());
            config.setPassword(settings.password().orElseThrow());
            config.setSessionRenewer(new Renewer());
        } else {
            config.setSessionId(settings.sessionId().orElseThrow());
            config.setServiceEndpoint(settings.serviceEndpoint().orElseThrow());
        }
        try {
            if (settings.canLogIn()) {
                logins.incrementAndGet();
            }
            // With username and password set, WSC logs in here and switches to the serverUrl the login returns.
            PartnerConnection created = new PartnerConnection(config);
            created.setQueryOptions(settings.queryBatchSize());
            return created;
        } catch (ApiFault fault) {
            throw failureOf(fault).toException("login", "");
        } catch (ConnectionException e) {
            FaultDecision decision = FaultClassifier.classifyTransport(e);
            throw new CrmException(decision == FaultDecision.FAIL ? CrmException.Kind.REAUTHENTICATE
                    : CrmException.Kind.TRANSIENT, "LOGIN_FAILED", "login: " + e.getMessage(), e);
        }
    }

    private ConnectorConfig baseConfig() {
        ConnectorConfig config = new ConnectorConfig();
        config.setConnectionTimeout((int) settings.connectTimeout().toMillis());
        config.setReadTimeout((int) settings.readTimeout().toMillis());
        config.setCompression(true);
        config.setTransportFactory(new CountingTransportFactory(requests));
        return config;
    }

    /** Logs in on a separate connection and moves the working connection to the new session. */
    private void logInAgain() {
        ConnectorConfig fresh = freshLogin();
        PartnerConnection current = connection();
        current.getConfig().setSessionId(fresh.getSessionId());
        current.getConfig().setServiceEndpoint(fresh.getServiceEndpoint());
        current.setSessionHeader(fresh.getSessionId());
    }

    private ConnectorConfig freshLogin() {
        ConnectorConfig config = baseConfig();
        config.setAuthEndpoint(settings.authEndpoint());
        config.setServiceEndpoint(settings.authEndpoint());
        config.setUsername(settings.username().orElseThrow());
        config.setPassword(settings.password().orElseThrow());
        try {
            logins.incrementAndGet();
            new PartnerConnection(config);
            return config;
        } catch (ApiFault fault) {
            throw failureOf(fault).toException("login", "");
        } catch (ConnectionException e) {
            throw new CrmException(CrmException.Kind.TRANSIENT, "LOGIN_FAILED", "login: " + e.getMessage(), e);
        }
    }

    /** Called by WSC when a request fails with INVALID_SESSION_ID; WSC then re-sends it once with the new header. */
    private final class Renewer implements SessionRenewer {
        @Override
        public SessionRenewalHeader renewSession(ConnectorConfig config) throws ConnectionException {
            ConnectorConfig fresh;
            try {
                fresh = freshLogin();
            } catch (CrmException e) {
                throw new ConnectionException("Session renewal failed: " + e.getMessage(), e);
            }
            config.setSessionId(fresh.getSessionId());
            config.setServiceEndpoint(fresh.getServiceEndpoint());
            if (connection != null) {
                connection.setSessionHeader(fresh.getSessionId());
            }
            SessionHeader_element header = new SessionHeader_element();
            header.setSessionId(fresh.getSessionId());
            SessionRenewalHeader renewal = new SessionRenewalHeader();
            renewal.name = SESSION_HEADER;
            renewal.headerElement = header;
            LOG.info("Salesforce session renewed");
            return renewal;
        }
    }

    /** Logs out is deliberately not called: the session may be shared (Canvas) and expires by itself. */
    @Override
    public void close() {
        connection = null;
    }
}
