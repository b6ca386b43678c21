/**
 * The shared kernel: the values every feature speaks in and none owns. The partner account id
 * ({@link org.jbp.kernel.PartnerAccountId}, with its JPA converter), the plan id ({@link org.jbp.kernel.PlanId},
 * with its JPA converter) and {@link org.jbp.kernel.PlanRef}, a plan
 * as the features below plan know it. Depends on crm-api's Salesforce id only; every package may use it.
 */
package org.jbp.kernel;
