/**
 * The report's HTTP side: {@code GET /plans/{id}/report} in JSON, CSV or PDF (content negotiation through
 * {@code @Produces} and this package's MessageBodyWriters) and {@code GET /plans/{id}/burn-up} for the tab's charts.
 */
package org.jbp.report.boundary;
