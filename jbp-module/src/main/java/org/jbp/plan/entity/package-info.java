/**
 * The BusinessPlan aggregate and its values: period, money, the six sections, vendor commitments, revisions,
 * comments, amendments, review records and their action rules. Depends on the kernel and template entities.
 */
package org.jbp.plan.entity;
