/**
 * Fault injection and the API call counter: what tests switch on to make the simulator fail like a real
 * org (faults, lost responses, latency, expired sessions, limits) and read back how many calls a client made.
 * Depends on nothing else in the simulator.
 */
package org.jbp.sfsim.fault;
