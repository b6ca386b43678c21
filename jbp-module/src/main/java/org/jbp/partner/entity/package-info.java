/**
 * Partner accounts as the module knows them: a copy of the CRM account with its program tier.
 * The account id itself is the kernel's {@code PartnerAccountId}. Depends on the kernel only.
 */
package org.jbp.partner.entity;
