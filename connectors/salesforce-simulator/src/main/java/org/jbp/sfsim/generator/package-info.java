/**
 * Deterministic generation of a realistic partner-program org of any size, from a seed: the demo data and
 * the volume for benchmarks. Depends on the {@code Org} and {@code store}.
 */
package org.jbp.sfsim.generator;
