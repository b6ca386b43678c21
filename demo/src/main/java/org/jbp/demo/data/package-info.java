/**
 * Demo data loaded through the module's REST API, never into its tables: partners, a template per tier, plans drafted
 * by both sides and moved along their lifecycle where the WAR allows it.
 */
package org.jbp.demo.data;
