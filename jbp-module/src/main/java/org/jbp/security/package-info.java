/**
 * Identities and roles: MicroProfile JWT for the API, partner scoping rules.
 * Depends only on platform and the partner id value object.
 */
package org.jbp.security;
