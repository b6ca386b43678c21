/** REST access to templates (admins write, everyone reads). */
package org.jbp.template.boundary;
