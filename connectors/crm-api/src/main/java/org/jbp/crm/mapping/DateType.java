package org.jbp.crm.mapping;

/** Whether a date field holds a date or a timestamp; SOQL writes the period bounds differently for each. */
public enum DateType { DATE, DATETIME }
