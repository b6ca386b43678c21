/**
 * HTTP doors of the tab: the Canvas POST servlet, the demo login (404 unless {@code jbp.demo.enabled}),
 * the token refresh resource and the tab's one read of a plan ({@code PlanTabResource}), which puts
 * together the other features' views. Thin: they delegate to control and to the features' services.
 */
package org.jbp.canvas.boundary;
