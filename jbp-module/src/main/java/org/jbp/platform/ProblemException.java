package org.jbp.platform;

import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on, rendered as RFC 9457 problem+json by {@link ProblemExceptionMapper}.
 * Subclasses name the family (not found, invalid input, conflict...); extra members go into {@link #extensions()}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail,
                            List<FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist or is not visible to you",
                List.of(), Map.of());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, "validation", "Invalid input",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors, Map.of());
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException malformed(String field, String message) {
        return new ProblemException(400, "malformed-request", "Malformed request",
                field == null ? message : field + ": " + message,
                field == null ? List.of() : List.of(new FieldError(field, message)), Map.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of(), Map.of());
    }

    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of(), extensions);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "precondition-required", "Precondition required",
                "Send If-Match with the ETag of the version you edited, so concurrent edits are never overwritten",
                List.of(), Map.of());
    }

    /** The plan the editor saw is not the plan now: 412 with the version to reload. */
    public static ProblemException stale(long currentVersion) {
        return stale("plan", currentVersion);
    }

    /**
     * A concurrent edit refused: someone else changed {@code what} since the caller read it. The one answer for
     * every stale write, with or without If-Match; {@code currentVersion} (null when the refusal came from a
     * lost optimistic lock, whose winner's version the loser does not learn) tells the client what to reload.
     * State conflicts (a step decided already, an illegal transition) stay 409: reloading does not help there.
     */
    public static ProblemException stale(String what, Long currentVersion) {
        String reload = currentVersion == null ? "reload it" : "reload version " + currentVersion;
        return new ProblemException(412, "stale-version", "Precondition failed",
                "The " + what + " was changed by someone else since you read it; " + reload
                        + " and apply your change again",
                List.of(), currentVersion == null ? Map.of() : Map.of("currentVersion", currentVersion));
    }
}
