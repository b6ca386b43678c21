/** REST: the caller's notifications. */
package org.jbp.notification.boundary;
