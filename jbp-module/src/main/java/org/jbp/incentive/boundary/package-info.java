/**
 * The write-back API: the CRM outbox for admins (list, deliver now, retry, discard; the writes that stopped with their target record and recorded retries), a plan's fund requests,
 * incentive rules and partners' tier history. Thin resources over incentive.control.
 */
package org.jbp.incentive.boundary;
