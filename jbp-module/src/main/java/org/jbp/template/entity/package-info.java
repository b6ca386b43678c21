/**
 * Plan templates: type, tiers and partner types, required sections, KPI definitions, approval chain,
 * review cadence. Versioned and immutable per version. Depends on platform and security.
 */
package org.jbp.template.entity;
