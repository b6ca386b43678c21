/** Template storage. */
package org.jbp.template.control;
