package org.jbp.crm.salesforce;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Salesforce org. Either username and password (with the security token appended), which also
 * lets the connector log in again when the session expires, or an existing session id with its instance URL.
 * The WAR fills this from MicroProfile Config ({@code jbp.salesforce.*}, see the module README).
 *
 * @param loginUrl       e.g. {@code https://login.salesforce.com}; the SOAP path is appended unless present
 * @param queryBatchSize records per query/queryMore page, clamped to Salesforce's 200-2,000
 */
public record SalesforceSettings(String loginUrl, Optional<String> username, Optional<String> password,
                                 Optional<String> sessionId, Optional<String> instanceUrl, String apiVersion,
                                 Duration connectTimeout, Duration readTimeout, int queryBatchSize,
                                 RetryPolicy retryPolicy) {

    public static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
    public static final String API_VERSION = "64.0";
    public static final int MIN_BATCH_SIZE = 200;
    public static final int MAX_BATCH_SIZE = 2_000;

    public SalesforceSettings {
        Objects.requireNonNull(loginUrl, "Login URL is required.");
        Objects.requireNonNull(username);
        Objects.requireNonNull(password);
        Objects.requireNonNull(sessionId);
        Objects.requireNonNull(instanceUrl);
        Objects.requireNonNull(apiVersion, "API version is required.");
        Objects.requireNonNull(connectTimeout, "Connect timeout is required.");
        Objects.requireNonNull(readTimeout, "Read timeout is required.");
        Objects.requireNonNull(retryPolicy, "Retry policy is required.");
        queryBatchSize = Math.max(MIN_BATCH_SIZE, Math.min(MAX_BATCH_SIZE, queryBatchSize));
        boolean credentials = username.isPresent() && password.isPresent();
        boolean session = sessionId.isPresent() && instanceUrl.isPresent();
        if (!credentials && !session) {
            throw new IllegalArgumentException("Salesforce needs jbp.salesforce.username and jbp.salesforce.password,"
                    + " or jbp.salesforce.session-id and jbp.salesforce.instance-url");
        }
    }

    /** True when the connector can log in by itself, and so renew an expired session. */
    public boolean canLogIn() {
        return username.isPresent() && password.isPresent();
    }

    /** The SOAP login endpoint: {@code <loginUrl>/services/Soap/u/<apiVersion>}. */
    public String authEndpoint() {
        return soapEndpoint(loginUrl);
    }

    /** The SOAP endpoint on the instance, when starting from an existing session. */
    public Optional<String> serviceEndpoint() {
        return instanceUrl.map(this::soapEndpoint);
    }

    private String soapEndpoint(String base) {
        if (base.contains("/services/Soap/u/")) {
            return base;
        }
        return base.replaceAll("/+$", "") + "/services/Soap/u/" + apiVersion;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "SalesforceSettings[loginUrl=" + loginUrl + ", username=" + username.orElse("-")
                + ", password=" + (password.isPresent() ? "***" : "-") + ", sessionId="
                + (sessionId.isPresent() ? "***" : "-") + ", instanceUrl=" + instanceUrl.orElse("-")
                + ", apiVersion=" + apiVersion + ", batch=" + queryBatchSize + "]";
    }

    /** Collects settings with sensible defaults; the password and session id never show in {@code toString}. */
    public static final class Builder {
        private String loginUrl = DEFAULT_LOGIN_URL;
        private String username;
        private String password;
        private String sessionId;
        private String instanceUrl;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(120);
        private int queryBatchSize = MAX_BATCH_SIZE;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

        private Builder() {
        }

        public Builder loginUrl(String value) {
            this.loginUrl = value;
            return this;
        }

        /** Username and password plus security token, so the connector can log in and renew sessions. */
        public Builder credentials(String user, String passwordWithToken) {
            this.username = user;
            this.password = passwordWithToken;
            return this;
        }

        /** An existing session, for example from a Canvas signed request. It cannot be renewed. */
        public Builder session(String id, String instance) {
            this.sessionId = id;
            this.instanceUrl = instance;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = value;
            return this;
        }

        public Builder queryBatchSize(int value) {
            this.queryBatchSize = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = value;
            return this;
        }

        public SalesforceSettings build() {
            return new SalesforceSettings(loginUrl, blankToEmpty(username), blankToEmpty(password),
                    blankToEmpty(sessionId), blankToEmpty(instanceUrl), API_VERSION, connectTimeout, readTimeout,
                    queryBatchSize, retryPolicy);
        }

        private static Optional<String> blankToEmpty(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
    }
}
