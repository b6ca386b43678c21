/**
 * The module running on this machine: embedded PostgreSQL, the token signing key and Payara Micro as a child process,
 * wired by environment variables. Shared by the demo and the benchmark.
 */
package org.jbp.demo.runtime;
