/**
 * The user directory: names for the person ids plans store, learnt from sign-ins (token, Canvas) without a write
 * per request, and from Salesforce User records in the KPI sync's read-back step. Depends on the crm-api and the
 * sync's read-back hook; the plan and approval features ask it for names.
 */
package org.jbp.people.control;
