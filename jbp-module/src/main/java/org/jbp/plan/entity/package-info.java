/**
 * The BusinessPlan aggregate and its values: period, money, the six sections, vendor commitments,
 * revisions and comments. Depends on platform, partner and template entities.
 */
package org.jbp.plan.entity;
