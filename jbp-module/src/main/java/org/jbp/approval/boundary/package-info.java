/**
 * REST: submit and acceptance ({@code POST /plans/{id}/submit}, {@code /acceptance}), decisions, the chain as it
 * stands, the approver's queue, the admin's lifecycle trigger.
 */
package org.jbp.approval.boundary;
