/**
 * The simulated Salesforce org behind the demo: the generated partner program and the users whose ids the demo's
 * tokens carry. Only this package touches the simulator's API.
 */
package org.jbp.demo.salesforce;
