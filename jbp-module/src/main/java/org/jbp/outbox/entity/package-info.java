/** A queued CRM write: kind, external id, payload, attempts, lease and status. Depends on nothing else. */
package org.jbp.outbox.entity;
