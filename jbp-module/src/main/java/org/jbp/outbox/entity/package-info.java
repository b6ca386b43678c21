/** A queued CRM write (kind, external id, payload, attempts, lease and status) and an admin's retry of one. Depends on nothing else. */
package org.jbp.outbox.entity;
