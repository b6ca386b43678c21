/**
 * Identities and roles: MicroProfile JWT for the API ({@link org.jbp.security.CurrentUser}, {@link
 * org.jbp.security.Roles}), the domain failure {@link org.jbp.security.AccessDenied}, and the module's own signing
 * key for Canvas tab tokens ({@link org.jbp.security.ModuleKeyConfigSource} makes MP-JWT trust it next to the
 * admin's key). Depends on the kernel only; platform and every feature sit above it.
 */
package org.jbp.security;
