/** REST: submit, acceptance, decisions, the chain as it stands. */
package org.jbp.approval.boundary;
