/** REST access to partner accounts. */
package org.jbp.partner.boundary;
