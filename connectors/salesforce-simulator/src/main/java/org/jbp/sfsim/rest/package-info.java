/**
 * The slice of Salesforce's REST API a Canvas app uses on its user's behalf:
 * {@code /services/data/v64.0/sobjects/{type}/{id}} and {@code /services/data/v64.0/query?q=}, authorised
 * by the bearer session and filtered by what that user may see (a partner user sees only their own account
 * and themselves). Shares the org, the sessions and the query engine with the SOAP endpoint.
 */
package org.jbp.sfsim.rest;
