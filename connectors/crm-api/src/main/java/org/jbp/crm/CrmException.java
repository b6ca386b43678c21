package org.jbp.crm;

import java.util.List;

/**
 * The one failure type of the CRM boundary. {@link #kind()} decides what the caller does next;
 * {@link #statusCode()} and {@link #fields()} say what the CRM complained about.
 */
public class CrmException extends RuntimeException {

    /** What a caller should do about a failure. */
    public enum Kind {
        /** The CRM is busy or unreachable; the same request may succeed later. */
        TRANSIENT,
        /** Credentials or session are no longer accepted; an administrator must act or a new login is needed. */
        REAUTHENTICATE,
        /** The daily API request limit is used up; stop and report, retrying only burns what is left tomorrow. */
        LIMIT_REACHED,
        /**
         * The caller's own {@link ApiBudget} for this work is used up (the org's limit is not): no request was sent.
         * Stop the work where it is and resume it when the budget allows again.
         */
        BUDGET_USED,
        /** The request itself is wrong (bad query, field, value); retrying cannot help. */
        PERMANENT
    }

    private final transient CrmError error;

    public CrmException(CrmError error) {
        this(error, null);
    }

    public CrmException(CrmError error, Throwable cause) {
        super(error.statusCode() + ": " + error.message()
                + (error.fields().isEmpty() ? "" : " " + error.fields()), cause);
        this.error = error;
    }

    public CrmException(Kind kind, String statusCode, String message, Throwable cause) {
        this(new CrmError(kind, statusCode, message, List.of()), cause);
    }

    public Kind kind() {
        return error.kind();
    }

    public String statusCode() {
        return error.statusCode();
    }

    public List<String> fields() {
        return error.fields();
    }

    public CrmError error() {
        return error;
    }
}
