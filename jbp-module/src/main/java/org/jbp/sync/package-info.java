/**
 * The KPI sync as a Jakarta Batch job: partners, KPI facts through the crm-api connector, actuals, then its hooks
 * ({@code SyncObserver}, {@code SyncReadBack}); the sync wires the kpi alerts and the people read-back into them
 * itself. Depends on kpi, plan, partner, people, crm-api, security, platform; incentive plugs into its hooks.
 */
package org.jbp.sync;
