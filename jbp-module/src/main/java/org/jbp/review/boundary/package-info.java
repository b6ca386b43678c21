/** REST: {@code /plans/{id}/reviews} (the workspace, holding a review, the reviews held). */
package org.jbp.review.boundary;
