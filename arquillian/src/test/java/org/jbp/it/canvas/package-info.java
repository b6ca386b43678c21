/**
 * The Canvas entry point and the plan tab against the deployed WAR: a Salesforce simulator in the test JVM
 * answers the REST look-ups (the WAR learns its URL only from the signed request's instanceUrl), signed
 * requests are made here with the secret failsafe gives Payara, and the browser tests drive headless Chromium.
 */
package org.jbp.it.canvas;
