/**
 * Plan templates: plan type, tiers, partner types, required sections, KPI definitions, approval and amendment
 * chains, review cadence; versioned, a plan pins the version it was made from. Depends on security and platform.
 */
package org.jbp.template;
