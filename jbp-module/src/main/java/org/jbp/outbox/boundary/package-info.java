/** REST for admins: the CRM writes (list, deliver now, retry, discard) and the writes that stopped, with recorded retries. Thin over outbox.control. */
package org.jbp.outbox.boundary;
