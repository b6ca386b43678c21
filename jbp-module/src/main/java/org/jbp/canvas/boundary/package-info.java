/**
 * HTTP doors of the tab: the Canvas POST servlet, the demo login (404 unless {@code jbp.demo.enabled}) and
 * the token refresh resource. Thin: they delegate to control.
 */
package org.jbp.canvas.boundary;
