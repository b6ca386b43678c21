/**
 * Reserved for the REST endpoints Canvas needs ({@code /services/data/v64.0/sobjects/User/{id}} and
 * {@code /services/data/v64.0/query}). They will be an {@code HttpHandler} registered next to the SOAP one
 * in {@code SalesforceSimulator}, sharing the org, the sessions and the query engine.
 */
package org.jbp.sfsim.rest;
