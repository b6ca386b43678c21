/**
 * Incentives: fund requests, incentive rules and their firings, tier history and MDF eligibility. Entities change
 * through behaviour methods. Depends on nothing else.
 */
package org.jbp.incentive.entity;
