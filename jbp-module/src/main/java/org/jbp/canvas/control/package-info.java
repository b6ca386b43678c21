/**
 * Canvas logic without JAX-RS: signed-request verification and replay guard, role mapping, the look-ups
 * made on the user's behalf through Salesforce's REST API, and the tab tokens.
 */
package org.jbp.canvas.control;
