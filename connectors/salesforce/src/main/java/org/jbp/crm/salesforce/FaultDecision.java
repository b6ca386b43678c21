package org.jbp.crm.salesforce;

import org.jbp.crm.CrmException;

/** What the call door does with a fault, and how it is reported if it ends the call. */
enum FaultDecision {
    /** Busy or unreachable: back off and retry an idempotent call. */
    RETRY_LATER(CrmException.Kind.TRANSIENT),
    /** The session expired: log in again once, then retry. */
    RENEW_SESSION(CrmException.Kind.REAUTHENTICATE),
    /** The server forgot the query cursor: run the query again from where it stopped. */
    RERUN_QUERY(CrmException.Kind.TRANSIENT),
    /** Daily API requests used up: stop, retrying would only waste tomorrow's budget. */
    STOP_LIMIT_REACHED(CrmException.Kind.LIMIT_REACHED),
    /** The credentials are refused: an administrator must fix them. */
    REAUTHENTICATE(CrmException.Kind.REAUTHENTICATE),
    /** The request is wrong; report it with its code. */
    FAIL(CrmException.Kind.PERMANENT);

    private final CrmException.Kind kindWhenGivingUp;

    FaultDecision(CrmException.Kind kindWhenGivingUp) {
        this.kindWhenGivingUp = kindWhenGivingUp;
    }

    CrmException.Kind kindWhenGivingUp() {
        return kindWhenGivingUp;
    }
}
