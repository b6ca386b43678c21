/**
 * Queueing writes ({@code Outbox}), claiming and recording them ({@code OutboxStore}), delivering them through the
 * crm-api connector ({@code OutboxDelivery}, {@code OutboxWrites}, {@code Backoff}) and the timer.
 */
package org.jbp.outbox.control;
