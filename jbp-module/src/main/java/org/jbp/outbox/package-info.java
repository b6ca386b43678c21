/**
 * The outbox of every CRM write: queued in the transaction that decided it ({@code Outbox.enqueue}), delivered by
 * {@code OutboxScheduler}/{@code OutboxDelivery} with leases, backoff and parking, and shown to admins at
 * {@code /crm/writes}. Knows kinds and payloads, not who wrote them: a delivered write is announced as the CDI
 * event {@code WriteDelivered}. Depends on crm-api, security and platform; notification and incentive write here.
 */
package org.jbp.outbox;
