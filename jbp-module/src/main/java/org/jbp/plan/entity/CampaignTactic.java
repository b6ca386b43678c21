package org.jbp.plan.entity;

/** How a joint campaign reaches its audience. */
public enum CampaignTactic {
    EVENT, WEBINAR, EMAIL, DIGITAL_ADS, CONTENT, TELEMARKETING, TRADE_SHOW, WORKSHOP, OTHER
}
