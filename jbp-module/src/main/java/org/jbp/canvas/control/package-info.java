/**
 * Canvas logic without JAX-RS: signed-request verification, the live check of the user's OAuth token, role mapping, the look-ups
 * made on the user's behalf through Salesforce's REST API, and the tab tokens.
 */
package org.jbp.canvas.control;
