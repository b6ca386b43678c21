/**
 * The simulator's public face: {@link org.jbp.sfsim.SalesforceSimulator} (start, endpoints, faults, call
 * counter), {@link org.jbp.sfsim.SimulatorConfig}, the {@link org.jbp.sfsim.Org} for test setup and the
 * standalone {@link org.jbp.sfsim.SimulatorMain}. Tests and the demo only; never part of the production WAR.
 */
package org.jbp.sfsim;
