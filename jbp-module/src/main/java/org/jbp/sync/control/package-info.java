/**
 * Synchronisation with the CRM: the connector built from configuration, Jakarta Batch jobs that pull partners
 * and KPI facts and push outbox writes. The only package that talks to the crm-api connector.
 */
package org.jbp.sync.control;
