/**
 * What the CRM sync remembers: its runs (mode, phase, progress, API calls, errors) and their resumable state.
 * Plain JPA, no dependency on the connector.
 */
package org.jbp.sync.entity;
