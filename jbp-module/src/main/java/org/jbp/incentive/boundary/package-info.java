/** REST: a plan's fund requests, incentive rules and partners' tier history. Thin over incentive.control. */
package org.jbp.incentive.boundary;
