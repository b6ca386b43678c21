/**
 * The KPI mapping: which CRM object, field, filter and aggregate feeds each plan KPI, and where writes go.
 * The model is plain data; {@link org.jbp.crm.mapping.KpiMappingLoader} reads and validates the descriptor
 * so that a typo is refused at start-up with its line number rather than discovered in a failed sync.
 */
package org.jbp.crm.mapping;
