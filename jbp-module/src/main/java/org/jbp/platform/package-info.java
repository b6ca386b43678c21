/**
 * Cross-cutting plumbing: the JAX-RS application, problem+json mapping, strict JSON input,
 * the data source and Flyway migration at start-up, health. Depends on no feature package.
 */
package org.jbp.platform;
