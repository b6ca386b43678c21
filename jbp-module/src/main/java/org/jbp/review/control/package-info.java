/** Holding a review: the workspace and the outcome, with the dashboard frozen into the record. */
package org.jbp.review.control;
