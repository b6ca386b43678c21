/**
 * Identities and roles: MicroProfile JWT for the API, partner scoping rules, and the module's own signing key
 * for Canvas tab tokens ({@link org.jbp.security.ModuleKeyConfigSource} makes MP-JWT trust it next to the
 * admin's key). Depends only on platform and the partner id value object.
 */
package org.jbp.security;
