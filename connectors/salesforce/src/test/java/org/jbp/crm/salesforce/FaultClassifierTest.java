package org.jbp.crm.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.SocketTimeoutException;
import com.sforce.ws.ConnectionException;
import org.jbp.crm.CrmException;
import org.junit.jupiter.api.Test;

class FaultClassifierTest {

    @Test
    void busyServerIsRetried() {
        assertEquals(FaultDecision.RETRY_LATER, FaultClassifier.classify("SERVER_UNAVAILABLE", "down for maintenance"));
        assertEquals(FaultDecision.RETRY_LATER, FaultClassifier.classify("UNABLE_TO_LOCK_ROW", "unable to obtain lock"));
    }

    @Test
    void aQueryTimeoutIsNotSentAgainUnchanged() {
        assertEquals(FaultDecision.FAIL, FaultClassifier.classify("QUERY_TIMEOUT",
                "Your query request was running for too long."), "the aggregate reader splits it instead");
    }

    @Test
    void concurrentRequestLimitIsRetriedButDailyLimitStops() {
        assertEquals(FaultDecision.RETRY_LATER, FaultClassifier.classify("REQUEST_LIMIT_EXCEEDED",
                "ConcurrentRequests (Concurrent API Requests) Limit exceeded."));
        assertEquals(FaultDecision.STOP_LIMIT_REACHED,
                FaultClassifier.classify("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
        assertEquals(FaultDecision.STOP_LIMIT_REACHED, FaultClassifier.classify("REQUEST_LIMIT_EXCEEDED", ""),
                "an unknown limit stops rather than burning requests");
        assertEquals(CrmException.Kind.LIMIT_REACHED, FaultDecision.STOP_LIMIT_REACHED.kindWhenGivingUp());
    }

    @Test
    void sessionAndCursorFaultsHaveTheirOwnRemedies() {
        assertEquals(FaultDecision.RENEW_SESSION,
                FaultClassifier.classify("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session"));
        assertEquals(FaultDecision.RERUN_QUERY, FaultClassifier.classify("INVALID_QUERY_LOCATOR", "invalid query locator"));
        assertEquals(FaultDecision.REAUTHENTICATE, FaultClassifier.classify("INVALID_LOGIN", "Invalid username"));
        assertEquals(CrmException.Kind.REAUTHENTICATE, FaultDecision.REAUTHENTICATE.kindWhenGivingUp());
    }

    @Test
    void everythingElseIsPermanent() {
        for (String code : new String[] {"MALFORMED_QUERY", "INVALID_FIELD", "INVALID_TYPE", "DUPLICATE_EXTERNAL_ID",
                "EXCEEDED_ID_LIMIT", "REQUIRED_FIELD_MISSING", "SOMETHING_NEW"}) {
            assertEquals(FaultDecision.FAIL, FaultClassifier.classify(code, "msg"), code);
        }
        assertEquals(FaultDecision.FAIL, FaultClassifier.classify(null, "msg"));
    }

    @Test
    void networkFailuresAndGatewayErrorsAreTransient() {
        assertEquals(FaultDecision.RETRY_LATER, FaultClassifier.classifyTransport(
                new ConnectionException("Failed to send request to http://x", new SocketTimeoutException("Read timed out"))));
        assertEquals(FaultDecision.RETRY_LATER, FaultClassifier.classifyTransport(
                new IOException("Server returned HTTP response code: 503 for URL: http://x")));
        assertEquals(FaultDecision.RETRY_LATER, FaultClassifier.classifyTransport(
                new ConnectionException("Failed to create/parse xml input stream")));
        assertEquals(FaultDecision.FAIL, FaultClassifier.classifyTransport(new ConnectionException("Unexpected element")));
    }
}
