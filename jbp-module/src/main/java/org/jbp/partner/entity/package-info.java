/**
 * Partner accounts as the module knows them: a copy of the CRM account with its program tier.
 * Depends on platform only.
 */
package org.jbp.partner.entity;
