package org.jbp.crm.salesforce;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides from a Salesforce exception code (or a transport failure) whether a call may be retried.
 * Pure functions of code and message, so the policy is tested without a server.
 */
final class FaultClassifier {

    /**
     * QUERY_TIMEOUT is not among them: the same query takes as long again, so re-sending it only spends the org's
     * requests; the aggregate reader answers it with smaller queries instead.
     */
    private static final Set<String> TRANSIENT_CODES = Set.of("SERVER_UNAVAILABLE", "UNABLE_TO_LOCK_ROW",
            "SERVER_BUSY");
    private static final Set<String> CREDENTIAL_CODES = Set.of("INVALID_LOGIN", "LOGIN_MUST_USE_SECURITY_TOKEN",
            "PASSWORD_LOCKOUT", "INVALID_OPERATION_WITH_EXPIRED_PASSWORD", "LOGIN_CHALLENGE_ISSUED",
            "LOGIN_DURING_RESTRICTED_DOMAIN", "USER_NOT_ENABLED_FOR_API", "API_DISABLED_FOR_ORG", "INACTIVE_OWNER_OR_USER");
    private static final Pattern HTTP_UNAVAILABLE = Pattern.compile("HTTP response code: (502|503|504)");

    private FaultClassifier() {
    }

    /** For a SOAP fault or a per-record error, given its exception or status code and message. */
    static FaultDecision classify(String code, String message) {
        String text = message == null ? "" : message;
        if (code == null) {
            return FaultDecision.FAIL;
        }
        switch (code) {
            case "INVALID_SESSION_ID":
                return FaultDecision.RENEW_SESSION;
            case "INVALID_QUERY_LOCATOR":
                return FaultDecision.RERUN_QUERY;
            case "REQUEST_LIMIT_EXCEEDED":
                return isConcurrencyLimit(text) ? FaultDecision.RETRY_LATER : FaultDecision.STOP_LIMIT_REACHED;
            default:
                break;
        }
        if (TRANSIENT_CODES.contains(code)) {
            return FaultDecision.RETRY_LATER;
        }
        if (CREDENTIAL_CODES.contains(code)) {
            return FaultDecision.REAUTHENTICATE;
        }
        return FaultDecision.FAIL;
    }

    /**
     * Salesforce uses REQUEST_LIMIT_EXCEEDED both for the daily budget ("TotalRequests Limit exceeded")
     * and for too many parallel long requests ("ConcurrentRequests", "ConcurrentPerOrgLongTxn"); only the latter
     * clears by itself within minutes. Unknown variants are treated as the daily limit: stopping is the cheap mistake.
     */
    static boolean isConcurrencyLimit(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("concurrent") && !lower.contains("totalrequests");
    }

    /** For a failure without a Salesforce code: network errors and HTTP 502/503/504 without a SOAP body. */
    static FaultDecision classifyTransport(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof ConnectException
                    || t instanceof SocketException) {
                return FaultDecision.RETRY_LATER;
            }
            String message = String.valueOf(t.getMessage());
            if (HTTP_UNAVAILABLE.matcher(message).find()) {
                return FaultDecision.RETRY_LATER;
            }
            if (t.getClass().getSimpleName().equals("HTMLResponseException")
                    || message.startsWith("Failed to create/parse xml input stream")
                    || message.startsWith("Failed to send request")
                    || (t instanceof IOException && message.contains("Premature EOF"))) {
                return FaultDecision.RETRY_LATER;
            }
        }
        return FaultDecision.FAIL;
    }
}
