/**
 * Partner accounts as the module knows them: a copy of the CRM account with its program tier, owner and region,
 * and their REST resource. Depends on the kernel (the account id), security and platform.
 */
package org.jbp.partner;
