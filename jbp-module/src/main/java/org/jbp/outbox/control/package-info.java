/**
 * Queueing writes ({@code Outbox}), claiming and recording them ({@code OutboxStore}), delivering them through the
 * crm-api connector ({@code OutboxDelivery}, {@code OutboxWrites}, {@code Backoff}) and the timer; the admin's recorded retries of writes that stopped ({@code OutboxRetries}).
 */
package org.jbp.outbox.control;
