/** REST for admins: the CRM writes (list, deliver now, retry, discard). Thin over outbox.control. */
package org.jbp.outbox.boundary;
