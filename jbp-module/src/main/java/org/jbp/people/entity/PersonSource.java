package org.jbp.people.entity;

/** Where the directory last learnt about a person. */
public enum PersonSource {
    /** The name claim of an API token the person called with. */
    TOKEN,
    /** The Canvas context user (or the tab's own token) when the person opened the plan tab. */
    CANVAS,
    /** The person's Salesforce User record, read by the KPI sync. */
    SALESFORCE
}
