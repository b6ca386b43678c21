package org.jbp.plan.entity;

import java.math.BigDecimal;

/** What the vendor delivered of its commitments, as the channel manager records it when closing the plan. */
public record VendorDelivered(BigDecimal mdfPaid, Integer coSellSupportHours, Integer preSalesAvailabilityHours,
                              String executiveSponsorship) {
}
