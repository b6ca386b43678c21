/** Queueing CRM writes. */
package org.jbp.incentive.control;
