/** Sending and reading notifications. */
package org.jbp.notification.control;
