package org.jbp.sync.control;

import java.util.UUID;

/**
 * The batch runtime refused to start a run (its job repository unreachable, the job missing). The run is already
 * recorded as FAILED with the reason; the API answers 503 with it, since an admin can act on it and retry.
 */
public class SyncStartFailed extends RuntimeException {

    private final UUID runId;
    private final String reason;

    public SyncStartFailed(UUID runId, String reason, Throwable cause) {
        super("sync run " + runId + " could not start: " + reason, cause);
        this.runId = runId;
        this.reason = reason;
    }

    public UUID runId() {
        return runId;
    }

    public String reason() {
        return reason;
    }

    /** The innermost message, which names what the runtime could not do, without the stack of wrappers. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == failure ? message : failure.getClass().getSimpleName() + ": " + message;
    }
}
