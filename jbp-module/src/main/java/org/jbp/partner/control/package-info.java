/** Partner look-up and registration. */
package org.jbp.partner.control;
