/**
 * The one-command demo launcher: {@link org.jbp.demo.DemoMain} wires the runtime, the simulated Salesforce org and
 * the demo data together and prints where to go and which tokens to use. Plain Java; depends on the simulator, never
 * on the WAR's classes.
 */
package org.jbp.demo;
