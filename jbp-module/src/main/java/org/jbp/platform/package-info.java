/**
 * Cross-cutting plumbing: the JAX-RS application, problem+json mapping (the domain failures of the layers below
 * included: {@code AccessDenied} is a 403), strict JSON input, path and paging parameters, the data source and
 * Flyway migration at start-up, health, the clock. Depends on security and the kernel; no feature package.
 */
package org.jbp.platform;
