package org.jbp.outbox.control;

import java.time.Instant;
import org.jbp.outbox.entity.OutboxKind;

/**
 * A CDI event: the CRM accepted a queued write and named its record. Fired inside the transaction that records the
 * answer, so what an observer stores (the fund request's Salesforce id) commits with it; the outbox does not know
 * who cares.
 */
public record WriteDelivered(OutboxKind kind, String externalId, String crmId, Instant at) {
}
