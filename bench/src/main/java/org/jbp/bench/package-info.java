/**
 * The API benchmark: the module on Payara Micro and PostgreSQL started by the demo's runtime classes, thousands of
 * plans loaded through the API, then fixed-time load from 32 loopback clients against plan reads, a partner's plan
 * list and a trivial endpoint of the same server, so the figures are ratios that survive a noisy machine.
 */
package org.jbp.bench;
